using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Customers.ListAccounts;

public sealed class ListAccountsHandler(ICustomerReadModel customers)
    : IRequestHandler<ListAccountsQuery, IReadOnlyList<AccountDto>>
{
    public async Task<IReadOnlyList<AccountDto>> Handle(ListAccountsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.GetCustomerAsync(request.CustomerId, cancellationToken);
        return customer.Accounts;
    }
}
