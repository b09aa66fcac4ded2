using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Customers.UpdateCustomerStatus;

public sealed class UpdateCustomerStatusHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    IMapper mapper) : IRequestHandler<UpdateCustomerStatusCommand, CustomerDto>
{
    /// <summary>How often a write without If-Match is tried again after losing a race.</summary>
    internal const int MaxAttempts = 3;

    public async Task<CustomerDto> Handle(UpdateCustomerStatusCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = CustomerStatuses.Parse(request.Status);

        for (var attempt = 1; ; attempt++)
        {
            var customer = await customers.FindForUpdateAsync(request.Id, cancellationToken)
                ?? throw NotFoundException.Customer();

            if (request.AcceptedVersions is { } accepted && !accepted.Contains(customer.Version))
            {
                throw new PreconditionFailedException();
            }

            if (!customer.ChangeStatus(status, clock))
            {
                return mapper.Map<CustomerDto>(customer);
            }

            try
            {
                // The update is conditional on the version that was read, so a concurrent writer is
                // caught by the database itself, not by this read.
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return mapper.Map<CustomerDto>(customer);
            }
            catch (ConcurrencyConflictException) when (request.AcceptedVersions is not null)
            {
                throw new PreconditionFailedException();
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}
