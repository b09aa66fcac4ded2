using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Customers.GetAccount;

public sealed class GetAccountHandler(ICustomerRepository customers, IMapper mapper)
    : IRequestHandler<GetAccountQuery, AccountDto>
{
    public async Task<AccountDto> Handle(GetAccountQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.FindAsync(request.CustomerId, cancellationToken)
            ?? throw NotFoundException.Customer();
        var account = customer.Accounts.FirstOrDefault(candidate => candidate.Id == request.AccountId)
            ?? throw NotFoundException.Account();
        return mapper.Map<AccountDto>(account);
    }
}
