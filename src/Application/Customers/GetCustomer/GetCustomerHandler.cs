using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Customers.GetCustomer;

public sealed class GetCustomerHandler(ICustomerReadModel customers)
    : IRequestHandler<GetCustomerQuery, CustomerDto>
{
    public async Task<CustomerDto> Handle(GetCustomerQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await customers.GetCustomerAsync(request.Id, cancellationToken);
    }
}
