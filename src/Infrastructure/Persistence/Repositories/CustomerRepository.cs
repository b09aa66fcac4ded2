using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Repositories;

/// <summary>Customers of the current participant (the context's query filter scopes every read).</summary>
internal sealed class CustomerRepository(CustomerDbContext context) : ICustomerRepository
{
    /// <summary>Accounts are returned oldest first, as the contract says.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Customer, IEnumerable<Account>>> AccountsOldestFirst =
        customer => customer.Accounts.OrderBy(account => account.CreatedAt).ThenBy(account => account.Id);

    public void Add(Customer customer) => context.Customers.Add(customer);

    public Task<Customer?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        context.Customers
            .Include(AccountsOldestFirst)
            .FirstOrDefaultAsync(customer => customer.Id == id, cancellationToken);

    public Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        context.Customers
            .AsNoTracking()
            .Include(AccountsOldestFirst)
            .FirstOrDefaultAsync(customer => customer.Id == id, cancellationToken);

    public IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = context.Customers.AsNoTracking();

        if (filter.Status is { } status)
        {
            query = query.Where(customer => customer.Status == status);
        }

        if (filter.ExternalId is { } externalId)
        {
            query = query.Where(customer => customer.ExternalId == externalId);
        }

        if (filter.After is { } after)
        {
            query = query.Where(customer =>
                customer.CreatedAt > after.CreatedAt
                || (customer.CreatedAt == after.CreatedAt && customer.Id.CompareTo(after.Id) > 0));
        }

        query = query.OrderBy(customer => customer.CreatedAt).ThenBy(customer => customer.Id);
        if (filter.Take is { } take)
        {
            query = query.Take(take);
        }

        // One query joins the accounts in; rows are yielded as they arrive, never buffered whole.
        return query.Include(AccountsOldestFirst).AsAsyncEnumerable();
    }
}
