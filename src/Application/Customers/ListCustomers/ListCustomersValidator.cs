using CustomerService.Application.Common.Abstractions;
using FluentValidation;

namespace CustomerService.Application.Customers.ListCustomers;

public sealed class ListCustomersValidator : AbstractValidator<ListCustomersQuery>
{
    public const int MaxLimit = 1000;

    public ListCustomersValidator()
    {
        RuleFor(query => query.Status).CustomerStatusRules(required: false);

        RuleFor(query => query.Limit)
            .InclusiveBetween(1, MaxLimit)
            .OverridePropertyName("limit")
            .WithMessage($"limit must be a whole number from 1 to {MaxLimit}.");

        RuleFor(query => query.After)
            .Must(after => after is null || CustomerCursor.TryDecode(after, out _))
            .OverridePropertyName("after")
            .WithMessage("after must be a cursor taken from the Link header of a previous page.");

        RuleFor(query => query.ExternalId).ExternalIdRules(required: false);
    }
}
