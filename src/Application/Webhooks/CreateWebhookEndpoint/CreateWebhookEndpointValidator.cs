using CustomerService.Application.Common.Abstractions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerService.Application.Webhooks.CreateWebhookEndpoint;

public sealed class CreateWebhookEndpointValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointValidator(IOptions<WebhookOptions> options, IHostAddressResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(command => command.Url).UrlRules(options.Value, resolver, required: true);
        RuleFor(command => command.EventTypes).EventTypesRules();
        RuleFor(command => command.Description).DescriptionRules();
    }
}
