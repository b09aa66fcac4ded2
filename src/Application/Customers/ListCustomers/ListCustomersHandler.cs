using System.Runtime.CompilerServices;
using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Customers.ListCustomers;

public sealed class ListCustomersHandler(ICustomerRepository customers, IMapper mapper)
    : IRequestHandler<ListCustomersQuery, CustomerPage>
{
    public async Task<CustomerPage> Handle(ListCustomersQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        CustomerStatus? status = request.Status is null ? null : CustomerStatuses.Parse(request.Status);
        CustomerCursor.TryDecode(request.After, out var after);

        if (request.Limit is not { } limit)
        {
            // No limit: every customer, mapped one at a time as the database yields it, so memory
            // stays flat however many there are.
            var all = customers.ListAsync(new CustomerListFilter(status, request.ExternalId, after, Take: null), cancellationToken);
            return new CustomerPage(Map(all, cancellationToken), NextCursor: null);
        }

        // One row more than asked tells whether another page follows without a second query.
        var page = new List<Customer>(Math.Min(limit + 1, 64));
        var filter = new CustomerListFilter(status, request.ExternalId, after, Take: limit + 1);
        await foreach (var customer in customers.ListAsync(filter, cancellationToken))
        {
            page.Add(customer);
        }

        string? nextCursor = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            nextCursor = CustomerCursor.After(page[^1]).Encode();
        }

        return new CustomerPage(Map(page.ToAsyncEnumerable(), cancellationToken), nextCursor);
    }

    private async IAsyncEnumerable<CustomerDto> Map(
        IAsyncEnumerable<Customer> source,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var customer in source.WithCancellation(cancellationToken))
        {
            yield return mapper.Map<CustomerDto>(customer);
        }
    }
}
