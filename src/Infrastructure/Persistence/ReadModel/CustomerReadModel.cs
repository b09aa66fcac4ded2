using System.Runtime.CompilerServices;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using CustomerService.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.ReadModel;

/// <summary>
/// The query side over EF Core: every read projects the columns it needs straight into the DTOs, so
/// no entity is materialised, tracked or mapped. The participant's query filters still scope each
/// read. A customer and its accounts are one left join, read as flat rows in list order (a
/// customer's rows next to each other, its accounts oldest first) and put together here.
/// </summary>
internal sealed class CustomerReadModel(CustomerDbContext context) : ICustomerReadModel
{
    private static readonly Func<CustomerDbContext, Guid, IAsyncEnumerable<CustomerRow>> CustomerRows =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid id) =>
            db.Customers
                .Where(customer => customer.Id == id)
                .LeftJoin(
                    db.Set<Account>(),
                    customer => customer.Id,
                    account => EF.Property<Guid>(account, AccountConfiguration.CustomerIdColumn),
                    (customer, account) => new { customer, account })
                .OrderBy(row => row.account!.CreatedAt)
                .ThenBy(row => row.account!.Id)
                .Select(row => new CustomerRow(
                    row.customer.Id,
                    row.customer.ExternalId,
                    row.customer.Status,
                    row.customer.ParticipantId,
                    row.customer.CreatedAt,
                    row.customer.UpdatedAt,
                    row.customer.Version,
                    (Guid?)row.account!.Id,
                    (Network?)row.account!.Network,
                    row.account!.Address,
                    row.account!.Label,
                    (DateTime?)row.account!.CreatedAt)));

    /// <summary>
    /// A page of the list. A filter that is not asked for is a null parameter, which EF Core drops
    /// from the SQL it runs (it keeps one statement per combination of null parameters).
    /// </summary>
    private static readonly Func<CustomerDbContext, CustomerStatus?, string?, DateTime?, Guid, int, IAsyncEnumerable<CustomerRow>> PageRows =
        EF.CompileAsyncQuery((CustomerDbContext db, CustomerStatus? status, string? externalId, DateTime? afterCreatedAt, Guid afterId, int take) =>
            db.Customers
                .Where(customer => status == null || customer.Status == status)
                .Where(customer => externalId == null || customer.ExternalId == externalId)
                .Where(customer => afterCreatedAt == null
                    || customer.CreatedAt > afterCreatedAt
                    || (customer.CreatedAt == afterCreatedAt && customer.Id.CompareTo(afterId) > 0))
                .OrderBy(customer => customer.CreatedAt)
                .ThenBy(customer => customer.Id)
                .Take(take)
                .LeftJoin(
                    db.Set<Account>(),
                    customer => customer.Id,
                    account => EF.Property<Guid>(account, AccountConfiguration.CustomerIdColumn),
                    (customer, account) => new { customer, account })
                .OrderBy(row => row.customer.CreatedAt)
                .ThenBy(row => row.customer.Id)
                .ThenBy(row => row.account!.CreatedAt)
                .ThenBy(row => row.account!.Id)
                .Select(row => new CustomerRow(
                    row.customer.Id,
                    row.customer.ExternalId,
                    row.customer.Status,
                    row.customer.ParticipantId,
                    row.customer.CreatedAt,
                    row.customer.UpdatedAt,
                    row.customer.Version,
                    (Guid?)row.account!.Id,
                    (Network?)row.account!.Network,
                    row.account!.Address,
                    row.account!.Label,
                    (DateTime?)row.account!.CreatedAt)));

    private static readonly Func<CustomerDbContext, Guid, Guid, CancellationToken, Task<AccountDto?>> OneAccount =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid customerId, Guid accountId, CancellationToken _) =>
            db.Set<Account>()
                .Where(account => account.Id == accountId
                    && EF.Property<Guid>(account, AccountConfiguration.CustomerIdColumn) == customerId)
                .Select(account => new AccountDto(account.Id, account.Network, account.Address, account.Label, account.CreatedAt))
                .FirstOrDefault());

    private static readonly Func<CustomerDbContext, Guid, CancellationToken, Task<bool>> AnyCustomer =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid id, CancellationToken _) =>
            db.Customers.Any(customer => customer.Id == id));

    public async Task<CustomerDto?> FindCustomerAsync(Guid id, CancellationToken cancellationToken)
    {
        await foreach (var customer in Assemble(CustomerRows(context, id), cancellationToken))
        {
            return customer;
        }

        return null;
    }

    public Task<bool> CustomerExistsAsync(Guid id, CancellationToken cancellationToken) =>
        AnyCustomer(context, id, cancellationToken);

    public Task<AccountDto?> FindAccountAsync(Guid customerId, Guid accountId, CancellationToken cancellationToken) =>
        OneAccount(context, customerId, accountId, cancellationToken);

    public async Task<IReadOnlyList<CustomerDto>> ListPageAsync(CustomerListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = PageRows(context, filter.Status, filter.ExternalId, filter.After?.CreatedAt, filter.After?.Id ?? Guid.Empty, filter.Take);

        // Read to the end here: the reader (and on SQLite its read transaction) is gone before the
        // caller gets the page, however long it then takes over it.
        var page = new List<CustomerDto>(Math.Min(filter.Take, 256));
        await foreach (var customer in Assemble(rows, cancellationToken))
        {
            page.Add(customer);
        }

        return page;
    }

    /// <summary>Each customer once, with the accounts of its rows, as soon as its last row is read.</summary>
    private static async IAsyncEnumerable<CustomerDto> Assemble(
        IAsyncEnumerable<CustomerRow> rows,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        CustomerRow? current = null;
        List<AccountDto>? accounts = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (current is not { } customer || row.Id != customer.Id)
            {
                if (current is { } finished)
                {
                    yield return finished.ToDto(accounts);
                }

                current = row;
                accounts = null;
            }

            if (row.AccountId is { } accountId)
            {
                accounts ??= [];
                accounts.Add(new AccountDto(accountId, row.Network!.Value, row.Address!, row.Label, row.AccountCreatedAt!.Value));
            }
        }

        if (current is { } last)
        {
            yield return last.ToDto(accounts);
        }
    }

    /// <summary>One row of the left join: a customer and one of its accounts, or no account.</summary>
    private readonly record struct CustomerRow(
        Guid Id,
        string ExternalId,
        CustomerStatus Status,
        string ParticipantId,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        int Version,
        Guid? AccountId,
        Network? Network,
        string? Address,
        string? Label,
        DateTime? AccountCreatedAt)
    {
        public CustomerDto ToDto(List<AccountDto>? accounts) =>
            new(Id, ExternalId, Status, ParticipantId, accounts is null ? [] : accounts, CreatedAt, UpdatedAt) { Version = Version };
    }
}
