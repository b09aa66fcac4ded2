using MediatR;

namespace CustomerService.Application.Customers.UseCaseName;

/// <summary>Changes one customer of the current participant; answers with the customer afterwards.</summary>
/// <param name="Id">The customer.</param>
public sealed record UseCaseNameCommand(Guid Id) : IRequest<CustomerDto>;
