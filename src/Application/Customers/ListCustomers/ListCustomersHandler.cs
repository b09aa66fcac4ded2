using System.Runtime.CompilerServices;
using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Customers.ListCustomers;

public sealed class ListCustomersHandler(ICustomerReadModel customers)
    : IRequestHandler<ListCustomersQuery, CustomerPage>
{
    /// <summary>How many customers the unlimited list reads from the database at a time.</summary>
    public const int StreamPageSize = 256;

    public async Task<CustomerPage> Handle(ListCustomersQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = request.Status.Value;
        var externalId = request.ExternalId.Value?.Value;
        var after = request.After.Value;

        if (request.Limit.Value is not { } limit)
        {
            // No limit: every customer, streamed page after page. The first page is read here, so a
            // database that cannot serve fails the request before its answer has begun.
            var filter = new CustomerListFilter(status, externalId, after, StreamPageSize);
            var first = await customers.ListPageAsync(filter, cancellationToken);
            return new CustomerPage(Stream(first, filter, cancellationToken), NextCursor: null);
        }

        // One row more than asked tells whether another page follows without a second query.
        var page = await customers.ListPageAsync(new CustomerListFilter(status, externalId, after, limit + 1), cancellationToken);
        string? nextCursor = null;
        if (page.Count > limit)
        {
            page = [.. page.Take(limit)];
            nextCursor = CustomerCursor.After(page[^1]).Encode();
        }

        return new CustomerPage(page.ToAsyncEnumerable(), nextCursor);
    }

    /// <summary>
    /// Each customer of <paramref name="page"/>, then of the pages after it, keyset-paged by
    /// (createdAt, id). A page's query has ended before its first customer is handed on, so a
    /// client that reads slowly holds no database read open, and only one page is in memory.
    /// </summary>
    private async IAsyncEnumerable<CustomerDto> Stream(
        IReadOnlyList<CustomerDto> page,
        CustomerListFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            foreach (var customer in page)
            {
                yield return customer;
            }

            if (page.Count < filter.Take)
            {
                yield break;
            }

            filter = filter with { After = CustomerCursor.After(page[^1]) };
            page = await customers.ListPageAsync(filter, cancellationToken);
        }
    }
}
