using AutoMapper;
using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using MediatR;
using Microsoft.Extensions.Options;

namespace CustomerService.Application.Customers.AddAccount;

public sealed class AddAccountHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IMapper mapper,
    IOptions<AccountLimitOptions> limits) : IRequestHandler<AddAccountCommand, AccountDto>
{
    public Task<AccountDto> Handle(AddAccountCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var address = request.Address.Value;
        var label = request.Label.Value;
        var maxAccounts = limits.Value.AccountsPerCustomer;

        // Adding an account moves the customer's version, so two racing additions to one customer
        // cannot both pass the aggregate's checks (the account limit among them) on stale state:
        // the loser runs again, on the state the winner saved.
        return OptimisticConcurrency.WriteAsync(unitOfWork, acceptedVersions: null, async () =>
        {
            var customer = await customers.GetForUpdateAsync(request.CustomerId, cancellationToken);

            var account = customer.AddAccount(address, label, maxAccounts, clock);

            // (network, address) is unique per participant by a unique index, which settles
            // races between customers.
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return mapper.Map<AccountDto>(account);
        });
    }
}
