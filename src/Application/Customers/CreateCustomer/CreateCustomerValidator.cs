using FluentValidation;

namespace CustomerService.Application.Customers.CreateCustomer;

public sealed class CreateCustomerValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerValidator()
    {
        RuleFor(command => command.ExternalId).ExternalIdRules();
        RuleFor(command => command.Status).CustomerStatusRules();
    }
}
