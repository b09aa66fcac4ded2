using CustomerService.Application.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.UpdateCustomerStatus;

public sealed class UpdateCustomerStatusValidator : AbstractValidator<UpdateCustomerStatusCommand>
{
    public UpdateCustomerStatusValidator()
    {
        RuleFor(command => command.Status).Accepted();
    }
}
