using FluentValidation;

namespace CustomerService.Application.Customers.UseCaseName;

/// <summary>
/// Checks the query before the handler runs. Each parameter gets its rule here, named as the
/// client sent it; a value with rules of its own asks the domain's value object.
/// </summary>
public sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameQuery>
{
    public UseCaseNameValidator()
    {
        RuleFor(query => query.Id).NotEmpty().OverridePropertyName("id").WithMessage("id must be a customer's id.");
    }
}
