using CustomerService.Application.Common;
using CustomerService.Domain.Customers;
using FluentValidation;

namespace CustomerService.Application.Customers.AddAccount;

public sealed class AddAccountValidator : AbstractValidator<AddAccountCommand>
{
    public AddAccountValidator()
    {
        RuleFor(command => command.Network).NetworkRules();

        RuleFor(command => command.Address).Custom((address, context) =>
        {
            if (string.IsNullOrEmpty(address))
            {
                context.AddFailure("address", "address is required.");
            }
            else if (LowercaseNames<Network>.TryParse(context.InstanceToValidate.Network, out var network)
                     && !BlockchainAddress.TryParse(network, address, out _, out var error))
            {
                context.AddFailure("address", error!);
            }
        });

        RuleFor(command => command.Label).Custom((label, context) =>
        {
            if (Account.FindLabelViolation(label) is { } violation)
            {
                context.AddFailure("label", violation);
            }
        });
    }
}
