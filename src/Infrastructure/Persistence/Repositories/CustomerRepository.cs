using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Repositories;

/// <summary>
/// The write side's customers of the current participant (the context's query filter scopes every
/// read): a customer is loaded tracked, with its accounts oldest first, to be changed and saved by
/// the unit of work. Reads for answering queries go through the read model instead.
/// </summary>
internal sealed class CustomerRepository(CustomerDbContext context) : ICustomerRepository
{
    private static readonly Func<CustomerDbContext, Guid, CancellationToken, Task<Customer?>> FindTracked =
        EF.CompileAsyncQuery((CustomerDbContext db, Guid id, CancellationToken _) =>
            db.Customers
                .Include(customer => customer.Accounts.OrderBy(account => account.CreatedAt).ThenBy(account => account.Id))
                .FirstOrDefault(customer => customer.Id == id));

    public void Add(Customer customer) => context.Customers.Add(customer);

    public Task<Customer?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        FindTracked(context, id, cancellationToken);
}
