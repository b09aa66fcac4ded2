using FluentValidation;

namespace CustomerService.Application.Customers.UseCaseName;

/// <summary>
/// Checks the command before the handler runs. Each field gets its rule here, named by the JSON
/// field the client sent; a value with rules of its own asks the domain's value object.
/// </summary>
public sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameCommand>
{
    public UseCaseNameValidator()
    {
        RuleFor(command => command.Id).NotEmpty().OverridePropertyName("id").WithMessage("id must be a customer's id.");
    }
}
