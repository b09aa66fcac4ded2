using AutoMapper;
using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Customers.AddAccount;

public sealed class AddAccountHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IMapper mapper) : IRequestHandler<AddAccountCommand, AccountDto>
{
    public Task<AccountDto> Handle(AddAccountCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var network = LowercaseNames<Network>.Parse(request.Network);

        // Adding an account moves the customer's version, so two racing additions to one customer
        // cannot both pass the aggregate's checks on stale state: the loser runs again.
        return OptimisticConcurrency.RetryAsync(unitOfWork, async () =>
        {
            var customer = await customers.FindForUpdateAsync(request.CustomerId, cancellationToken)
                ?? throw NotFoundException.Customer();

            var account = customer.AddAccount(network, request.Address, request.Label, clock);

            // (network, address) is unique per participant by a unique index, which settles
            // races between customers.
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return mapper.Map<AccountDto>(account);
        });
    }
}
