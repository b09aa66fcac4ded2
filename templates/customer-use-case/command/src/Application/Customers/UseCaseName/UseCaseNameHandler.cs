using AutoMapper;
using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Customers.UseCaseName;

public sealed class UseCaseNameHandler(ICustomerRepository customers, IUnitOfWork unitOfWork, IMapper mapper)
    : IRequestHandler<UseCaseNameCommand, CustomerDto>
{
    public Task<CustomerDto> Handle(UseCaseNameCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The save is conditional on the version that was read; without If-Match the last write
        // wins, so a lost race is read, changed and saved again on fresh data.
        return OptimisticConcurrency.WriteAsync(unitOfWork, acceptedVersions: null, async () =>
        {
            var customer = await customers.GetForUpdateAsync(request.Id, cancellationToken);

            // THE USE CASE'S CHANGE GOES HERE: call one behaviour method of the aggregate (Customer),
            // which checks its own rules and moves the version. Until then the customer is saved as read.

            await unitOfWork.SaveChangesAsync(cancellationToken);
            return mapper.Map<CustomerDto>(customer);
        });
    }
}
