using AutoMapper;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Telemetry;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Customers.CreateCustomer;

public sealed class CreateCustomerHandler(
    ICustomerRepository customers,
    IUnitOfWork unitOfWork,
    ICurrentParticipant participant,
    TimeProvider clock,
    IMapper mapper,
    CustomerMetrics metrics) : IRequestHandler<CreateCustomerCommand, CustomerDto>
{
    public async Task<CustomerDto> Handle(CreateCustomerCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var customer = Customer.Create(participant.Id, request.ExternalId.Value, request.Status.Value, clock);

        customers.Add(customer);

        // The unique index on (participant, externalId) is the only arbiter of duplicates, so two
        // racing creates cannot both pass a read-then-insert check.
        await unitOfWork.SaveChangesAsync(cancellationToken);
        metrics.CustomerCreated(customer.Status);
        return mapper.Map<CustomerDto>(customer);
    }
}
