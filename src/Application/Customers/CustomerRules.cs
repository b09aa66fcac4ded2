using CustomerService.Application.Common;
using CustomerService.Domain.Customers;
using FluentValidation;

namespace CustomerService.Application.Customers;

/// <summary>Validation rules shared by the customer use cases, named by the JSON field they check.</summary>
internal static class CustomerRules
{
    public static void ExternalIdRules<T>(this IRuleBuilder<T, string?> rule, bool required = true) =>
        rule.Custom((value, context) =>
        {
            if (value is null && !required)
            {
                return;
            }

            if (ExternalId.FindViolation(value) is { } violation)
            {
                context.AddFailure(ExternalId.FieldName, violation);
            }
        });

    public static void CustomerStatusRules<T>(this IRuleBuilder<T, string?> rule, bool required = true) =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                if (!required)
                {
                    return;
                }

                context.AddFailure("status", "status is required.");
            }
            else if (!CustomerStatuses.TryParse(value, out _))
            {
                context.AddFailure("status", CustomerStatuses.InvalidMessage);
            }
        });

    public static void NetworkRules<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is null)
            {
                context.AddFailure("network", "network is required.");
            }
            else if (!LowercaseNames<Network>.TryParse(value, out _))
            {
                context.AddFailure("network", $"network must be one of: {LowercaseNames<Network>.AllowedValues}.");
            }
        });
}
