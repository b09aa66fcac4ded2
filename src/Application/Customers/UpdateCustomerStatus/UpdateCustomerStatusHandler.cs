using AutoMapper;
using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Telemetry;
using MediatR;

namespace CustomerService.Application.Customers.UpdateCustomerStatus;

public sealed class UpdateCustomerStatusHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IMapper mapper,
    CustomerMetrics metrics) : IRequestHandler<UpdateCustomerStatusCommand, CustomerDto>
{
    public Task<CustomerDto> Handle(UpdateCustomerStatusCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = request.Status.Value;

        return OptimisticConcurrency.WriteAsync(unitOfWork, request.AcceptedVersions, async () =>
        {
            var customer = await customers.GetForUpdateAsync(request.Id, cancellationToken);
            OptimisticConcurrency.EnsureAccepted(request.AcceptedVersions, customer.Version);

            if (customer.ChangeStatus(status, clock))
            {
                // The update is conditional on the version that was read, so a concurrent writer
                // is caught by the database itself, not by the check above.
                await unitOfWork.SaveChangesAsync(cancellationToken);
                metrics.StatusChanged(status);
            }

            return mapper.Map<CustomerDto>(customer);
        });
    }
}
