using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Customers.ListAccounts;

public sealed class ListAccountsHandler(ICustomerRepository customers, IMapper mapper)
    : IRequestHandler<ListAccountsQuery, IReadOnlyList<AccountDto>>
{
    public async Task<IReadOnlyList<AccountDto>> Handle(ListAccountsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.FindAsync(request.CustomerId, cancellationToken)
            ?? throw NotFoundException.Customer();
        return mapper.Map<IReadOnlyList<AccountDto>>(customer.Accounts);
    }
}
