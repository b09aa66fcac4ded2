using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using MediatR;

namespace CustomerService.Application.Customers.CreateCustomer;

/// <summary>Creates a customer for the current participant; each field is read by the domain's rules as the command is made.</summary>
/// <param name="externalId">The participant's own identifier for the customer; unique per participant.</param>
/// <param name="status">One of <c>active</c>, <c>inactive</c>, <c>deleted</c>, <c>suspended</c>.</param>
public sealed class CreateCustomerCommand(string? externalId, string? status) : IRequest<CustomerDto>
{
    public Checked<ExternalId> ExternalId { get; } = Domain.Customers.ExternalId.Check(externalId);

    public Checked<CustomerStatus> Status { get; } = CustomerStatuses.Check(status);
}
