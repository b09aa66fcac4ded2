using CustomerService.Application.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.AddAccount;

public sealed class AddAccountValidator : AbstractValidator<AddAccountCommand>
{
    public AddAccountValidator()
    {
        RuleFor(command => command.Address).Accepted();
        RuleFor(command => command.Label).Accepted();
    }
}
