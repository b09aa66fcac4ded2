using MediatR;

namespace CustomerService.Application.Customers.ListCustomers;

/// <summary>Lists the current participant's customers, oldest first.</summary>
/// <param name="Status">Only customers with this status.</param>
/// <param name="ExternalId">Only the customer with exactly this external id.</param>
/// <param name="Limit">At most this many (1–1000); without it, every customer, streamed.</param>
/// <param name="After">The cursor of the previous page.</param>
public sealed record ListCustomersQuery(string? Status, string? ExternalId, int? Limit, string? After)
    : IRequest<CustomerPage>;
