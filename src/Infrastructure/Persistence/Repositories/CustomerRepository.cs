using System.Runtime.CompilerServices;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Repositories;

/// <summary>
/// Customers of the current participant (the context's query filter scopes every read). The reads
/// of one customer are compiled once, so a request neither builds a LINQ tree nor looks one up in
/// the query cache. Lists are read a page at a time, each page's query run to its end before the
/// page is handed over. Accounts are always loaded oldest first, as the contract says.
/// </summary>
/// <remarks>
/// Reads that are not for update load customers and accounts as flat rows of one left join, and
/// this class puts each customer's accounts into it. An Include would do the same in one query, but
/// EF Core's collection shaper builds delegates for every row it reads, which cost more than the
/// rest of reading the row.
/// </remarks>
internal sealed class CustomerRepository(CustomerDbContext context) : ICustomerRepository
{
    private static readonly Func<CustomerDbContext, Guid, CancellationToken, Task<Customer?>> FindTracked =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid id, CancellationToken _) =>
            db.Customers
                .Include(customer => customer.Accounts.OrderBy(account => account.CreatedAt).ThenBy(account => account.Id))
                .FirstOrDefault(customer => customer.Id == id));

    // The query below is WithAccounts written out: a compiled query cannot call a method.
    private static readonly Func<CustomerDbContext, Guid, IAsyncEnumerable<CustomerAccount>> FindUntracked =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid id) =>
            db.Customers
                .AsNoTracking()
                .Where(customer => customer.Id == id)
                .LeftJoin(
                    db.Set<Account>(),
                    customer => customer.Id,
                    account => EF.Property<Guid>(account, AccountConfiguration.CustomerIdColumn),
                    (customer, account) => new { customer, account })
                .OrderBy(row => row.account!.CreatedAt)
                .ThenBy(row => row.account!.Id)
                .Select(row => new CustomerAccount(row.customer, row.account)));

    public void Add(Customer customer) => context.Customers.Add(customer);

    public Task<Customer?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        FindTracked(context, id, cancellationToken);

    public async Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await foreach (var customer in Assemble(FindUntracked(context, id), cancellationToken))
        {
            return customer;
        }

        return null;
    }

    public async Task<IReadOnlyList<Customer>> ListPageAsync(CustomerListFilter filter, CancellationToken cancellationToken)
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

        query = query.OrderBy(customer => customer.CreatedAt).ThenBy(customer => customer.Id).Take(filter.Take);

        // Read to the end here: the reader (and on SQLite its read transaction) is gone before the
        // caller gets the page, however long it then takes over it.
        var page = new List<Customer>(Math.Min(filter.Take, 256));
        await foreach (var customer in Assemble(WithAccounts(context, query).AsAsyncEnumerable(), cancellationToken))
        {
            page.Add(customer);
        }

        return page;
    }

    /// <summary>
    /// The customers of <paramref name="customers"/> left-joined with their accounts, in list order:
    /// one query, a customer's rows next to each other, its accounts oldest first.
    /// </summary>
    private static IQueryable<CustomerAccount> WithAccounts(CustomerDbContext db, IQueryable<Customer> customers) =>
        customers
            .LeftJoin(
                db.Set<Account>(),
                customer => customer.Id,
                account => EF.Property<Guid>(account, AccountConfiguration.CustomerIdColumn),
                (customer, account) => new { customer, account })
            .OrderBy(row => row.customer.CreatedAt)
            .ThenBy(row => row.customer.Id)
            .ThenBy(row => row.account!.CreatedAt)
            .ThenBy(row => row.account!.Id)
            .Select(row => new CustomerAccount(row.customer, row.account));

    /// <summary>Streams each customer once, with the accounts of its rows, as soon as its last row is read.</summary>
    private async IAsyncEnumerable<Customer> Assemble(
        IAsyncEnumerable<CustomerAccount> rows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var accounts = context.Model.FindEntityType(typeof(Customer))!
            .FindNavigation(nameof(Customer.Accounts))!
            .GetCollectionAccessor()!;

        Customer? current = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (current is null || row.Customer.Id != current.Id)
            {
                if (current is not null)
                {
                    yield return current;
                }

                current = row.Customer;
            }

            if (row.Account is { } account)
            {
                accounts.Add(current, account, forMaterialization: true);
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>A customer and one of its accounts, or no account: one row of the left join.</summary>
    private sealed record CustomerAccount(Customer Customer, Account? Account);
}
