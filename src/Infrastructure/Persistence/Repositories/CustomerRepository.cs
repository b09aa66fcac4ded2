using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Repositories;

/// <summary>
/// Customers of the current participant (the context's query filter scopes every read). The hot
/// queries are compiled once, so a request neither builds a LINQ tree nor looks one up in the query
/// cache. Accounts are always included oldest first, as the contract says.
/// </summary>
internal sealed class CustomerRepository(CustomerDbContext context) : ICustomerRepository
{
    private static readonly Func<CustomerDbContext, Guid, CancellationToken, Task<Customer?>> FindTracked =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid id, CancellationToken _) =>
            db.Customers
                .Include(customer => customer.Accounts.OrderBy(account => account.CreatedAt).ThenBy(account => account.Id))
                .FirstOrDefault(customer => customer.Id == id));

    private static readonly Func<CustomerDbContext, Guid, CancellationToken, Task<Customer?>> FindUntracked =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid id, CancellationToken _) =>
            db.Customers
                .AsNoTracking()
                .Include(customer => customer.Accounts.OrderBy(account => account.CreatedAt).ThenBy(account => account.Id))
                .FirstOrDefault(customer => customer.Id == id));

    private static readonly Func<CustomerDbContext, IAsyncEnumerable<Customer>> ListAll =
        EF.CompileAsyncQuery((CustomerDbContext db) =>
            db.Customers
                .AsNoTracking()
                .OrderBy(customer => customer.CreatedAt)
                .ThenBy(customer => customer.Id)
                .Include(customer => customer.Accounts.OrderBy(account => account.CreatedAt).ThenBy(account => account.Id)));

    public void Add(Customer customer) => context.Customers.Add(customer);

    public Task<Customer?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        FindTracked(context, id, cancellationToken);

    public Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        FindUntracked(context, id, cancellationToken);

    public IAsyncEnumerable<Customer> ListAsync(CustomerListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter is { Status: null, ExternalId: null, After: null, Take: null })
        {
            // The whole list, the common case: one compiled query, rows yielded as they arrive.
            return ListAll(context);
        }

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
        return query
            .Include(customer => customer.Accounts.OrderBy(account => account.CreatedAt).ThenBy(account => account.Id))
            .AsAsyncEnumerable();
    }
}
