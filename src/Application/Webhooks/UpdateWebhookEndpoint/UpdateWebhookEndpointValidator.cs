using CustomerService.Application.Common;
using CustomerService.Application.Common.Abstractions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace CustomerService.Application.Webhooks.UpdateWebhookEndpoint;

public sealed class UpdateWebhookEndpointValidator : AbstractValidator<UpdateWebhookEndpointCommand>
{
    public UpdateWebhookEndpointValidator(IOptions<WebhookOptions> options, IHostAddressResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(command => command.Url).Accepted();
        RuleFor(command => command.Url).WhereUrlMayPoint(options.Value, resolver);
        RuleFor(command => command.EventTypes).Accepted();
        RuleFor(command => command.Description).Accepted();
    }
}
