using CustomerService.Application.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.CreateCustomer;

public sealed class CreateCustomerValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator()
    {
        RuleFor(command => command.ExternalId).Accepted();
        RuleFor(command => command.Status).Accepted();
    }
}
