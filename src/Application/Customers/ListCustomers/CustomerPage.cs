namespace CustomerService.Application.Customers.ListCustomers;

/// <summary>
/// A page of customers, streamed as it is read; <paramref name="NextCursor"/> is set when a limit was
/// asked for and more customers remain.
/// </summary>
public sealed record CustomerPage(IAsyncEnumerable<CustomerDto> Items, string? NextCursor);
