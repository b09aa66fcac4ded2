using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Customers.GetCustomerAddresses;

public sealed class GetCustomerAddressesHandler(ICustomerReadModel customers)
    : IRequestHandler<GetCustomerAddressesQuery, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(GetCustomerAddressesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.FindCustomerAsync(request.Id, cancellationToken)
            ?? throw NotFoundException.Customer();
        return [.. customer.Accounts.Select(account => account.Address)];
    }
}
