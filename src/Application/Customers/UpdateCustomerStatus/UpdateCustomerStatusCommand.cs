using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Customers.UpdateCustomerStatus;

/// <summary>Moves a customer to another status; the status is read by the domain's rules as the command is made.</summary>
/// <param name="id">The customer.</param>
/// <param name="status">The new status.</param>
/// <param name="acceptedVersions">
/// The versions the client's If-Match names; the change is made only if the customer is still at one
/// of them. Null when the client set no precondition (last write wins).
/// </param>
public sealed class UpdateCustomerStatusCommand(Guid id, string? status, IReadOnlySet<int>? acceptedVersions)
    : IRequest<CustomerDto>
{
    public Guid Id { get; } = id;

    public Checked<CustomerStatus> Status { get; } = CustomerStatuses.Check(status);

    public IReadOnlySet<int>? AcceptedVersions { get; } = acceptedVersions;
}
