using CustomerService.Application.Common;
using FluentValidation;

namespace CustomerService.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(query => query.After).Accepted();
        RuleFor(query => query.Limit).Accepted();
    }
}
