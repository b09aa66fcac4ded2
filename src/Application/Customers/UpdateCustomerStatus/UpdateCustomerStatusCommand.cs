using MediatR;

namespace CustomerService.Application.Customers.UpdateCustomerStatus;

/// <summary>Moves a customer to another status.</summary>
/// <param name="Id">The customer.</param>
/// <param name="Status">The new status.</param>
/// <param name="AcceptedVersions">
/// The versions the client's If-Match names; the change is made only if the customer is still at one
/// of them. Null when the client set no precondition (last write wins).
/// </param>
public sealed record UpdateCustomerStatusCommand(Guid Id, string? Status, IReadOnlySet<int>? AcceptedVersions)
    : IRequest<CustomerDto>;
