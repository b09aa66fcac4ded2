using CustomerService.Domain.Common;
using FluentValidation;

namespace CustomerService.Application.Common;

/// <summary>Validation of the values a request read by the domain's rules as it was made (<see cref="Checked{T}"/>).</summary>
internal static class CheckedRules
{
    /// <summary>Reports each refusal of the value, under the field the client sent it as.</summary>
    public static void Accepted<T, TValue>(this IRuleBuilder<T, Checked<TValue>> rule) =>
        rule.Custom((value, context) =>
        {
            foreach (var refusal in value.Refusals)
            {
                context.AddFailure(refusal.Field, refusal.Message);
            }
        });
}
