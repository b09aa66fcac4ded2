using CustomerService.Application.Common.Abstractions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerService.Application.Webhooks.UpdateWebhookEndpoint;

public sealed class UpdateWebhookEndpointValidator : AbstractValidator<UpdateWebhookEndpointCommand>
{
    public UpdateWebhookEndpointValidator(IOptions<WebhookOptions> options, IHostAddressResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(command => command.Url).UrlRules(options.Value, resolver, required: false);
        RuleFor(command => command.EventTypes).EventTypesRules();
        RuleFor(command => command.Description).DescriptionRules();
    }
}
