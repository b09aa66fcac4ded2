using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Customers.GetAccount;

public sealed class GetAccountHandler(ICustomerReadModel customers)
    : IRequestHandler<GetAccountQuery, AccountDto>
{
    public async Task<AccountDto> Handle(GetAccountQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await customers.FindAccountAsync(request.CustomerId, request.AccountId, cancellationToken) is { } account)
        {
            return account;
        }

        // Which of the two is missing decides the answer's message; only a miss pays for asking.
        throw await customers.CustomerExistsAsync(request.CustomerId, cancellationToken)
            ? NotFoundException.Account()
            : NotFoundException.Customer();
    }
}
