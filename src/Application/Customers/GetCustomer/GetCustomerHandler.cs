using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Customers.GetCustomer;

public sealed class GetCustomerHandler(ICustomerRepository customers, IMapper mapper)
    : IRequestHandler<GetCustomerQuery, CustomerDto>
{
    public async Task<CustomerDto> Handle(GetCustomerQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = await customers.FindAsync(request.Id, cancellationToken)
            ?? throw NotFoundException.Customer();
        return mapper.Map<CustomerDto>(customer);
    }
}
