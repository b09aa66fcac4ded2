using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Customers.ListCustomers;

/// <summary>Lists the current participant's customers, oldest first; each filter is read as the query is made.</summary>
/// <param name="status">Only customers with this status.</param>
/// <param name="externalId">Only the customer with exactly this external id.</param>
/// <param name="limit">At most this many (1–1000); without it, every customer, streamed.</param>
/// <param name="after">The cursor of the previous page.</param>
public sealed class ListCustomersQuery(string? status, string? externalId, int? limit, string? after)
    : IRequest<CustomerPage>
{
    public Checked<CustomerStatus?> Status { get; } = CustomerStatuses.CheckOptional(status);

    public Checked<ExternalId?> ExternalId { get; } = Domain.Customers.ExternalId.CheckOptional(externalId);

    public Checked<int?> Limit { get; } =
        limit is null or (>= 1 and <= ListCustomersValidator.MaxLimit)
            ? Checked.Accept(limit)
            : Checked.Refuse<int?>("limit", $"limit must be a whole number from 1 to {ListCustomersValidator.MaxLimit}.");

    public Checked<CustomerCursor?> After { get; } = CheckCursor(after);

    private static Checked<CustomerCursor?> CheckCursor(string? after)
    {
        if (after is null)
        {
            return Checked.Accept<CustomerCursor?>(null);
        }

        return CustomerCursor.TryDecode(after, out var cursor)
            ? Checked.Accept(cursor)
            : Checked.Refuse<CustomerCursor?>("after", "after must be a cursor taken from the Link header of a previous page.");
    }
}
