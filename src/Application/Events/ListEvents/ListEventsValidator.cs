using CustomerService.Domain.Events;
using FluentValidation;

namespace CustomerService.Application.Events.ListEvents;

public sealed class ListEventsValidator : AbstractValidator<ListEventsQuery>
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public ListEventsValidator()
    {
        RuleFor(query => query.Limit)
            .InclusiveBetween(1, MaxLimit)
            .OverridePropertyName("limit")
            .WithMessage($"limit must be a whole number from 1 to {MaxLimit}.");

        RuleFor(query => query.After)
            .Must(after => after is null || Guid.TryParseExact(after, "D", out _))
            .OverridePropertyName("after")
            .WithMessage("after must be the id of an event.");

        RuleFor(query => query.Type)
            .Must(type => type is null || EventTypes.IsKnown(type))
            .OverridePropertyName("type")
            .WithMessage($"type must be one of: {string.Join(", ", EventTypes.All)}.");
    }
}
