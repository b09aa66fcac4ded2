using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Customers.GetCustomer;

public sealed class GetCustomerHandler(ICustomerReadModel customers)
    : IRequestHandler<GetCustomerQuery, CustomerDto>
{
    public async Task<CustomerDto> Handle(GetCustomerQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await customers.FindCustomerAsync(request.Id, cancellationToken)
            ?? throw NotFoundException.Customer();
    }
}
