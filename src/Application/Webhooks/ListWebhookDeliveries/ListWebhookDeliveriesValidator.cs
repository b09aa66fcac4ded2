using FluentValidation;

namespace CustomerService.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public const int MaxLimit = 1000;
    public const int DefaultLimit = 100;

    public ListWebhookDeliveriesValidator()
    {
        RuleFor(query => query.Limit)
            .InclusiveBetween(1, MaxLimit)
            .OverridePropertyName("limit")
            .WithMessage($"limit must be a whole number from 1 to {MaxLimit}.");

        RuleFor(query => query.After)
            .Must(after => after is null || Guid.TryParseExact(after, "D", out _))
            .OverridePropertyName("after")
            .WithMessage("after must be the id of a delivery attempt.");
    }
}
