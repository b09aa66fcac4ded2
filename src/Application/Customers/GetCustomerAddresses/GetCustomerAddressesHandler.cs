using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Customers.GetCustomerAddresses;

public sealed class GetCustomerAddressesHandler(ICustomerReadModel customers)
    : IRequestHandler<GetCustomerAddressesQuery, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(GetCustomerAddressesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.GetCustomerAsync(request.Id, cancellationToken);
        return [.. customer.Accounts.Select(account => account.Address)];
    }
}
