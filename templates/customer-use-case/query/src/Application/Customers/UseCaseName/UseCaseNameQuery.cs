using MediatR;

namespace CustomerService.Application.Customers.UseCaseName;

/// <summary>Reads one customer of the current participant.</summary>
/// <param name="Id">The customer.</param>
public sealed record UseCaseNameQuery(Guid Id) : IRequest<CustomerDto>;
