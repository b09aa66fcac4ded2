using AutoMapper;
using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
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

        // Without If-Match the last write wins, so a lost race is retried on fresh data.
        return OptimisticConcurrency.RetryAsync(unitOfWork, async () =>
        {
            var customer = await customers.FindForUpdateAsync(request.Id, cancellationToken)
                ?? throw NotFoundException.Customer();

            if (request.AcceptedVersions is { } accepted && !accepted.Contains(customer.Version))
            {
                throw new PreconditionFailedException();
            }

            if (customer.ChangeStatus(status, clock))
            {
                try
                {
                    // The update is conditional on the version that was read, so a concurrent
                    // writer is caught by the database itself, not by the check above.
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                }
                catch (ConcurrencyConflictException) when (request.AcceptedVersions is not null)
                {
                    throw new PreconditionFailedException();
                }

                metrics.StatusChanged(status);
            }

            return mapper.Map<CustomerDto>(customer);
        });
    }
}
