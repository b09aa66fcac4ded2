using System.Net;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Webhooks;
using FluentValidation;

namespace CustomerService.Application.Webhooks;

/// <summary>Validation rules shared by the webhook endpoint use cases, named by the JSON field they check.</summary>
internal static class WebhookEndpointRules
{
    public const string NonPublicAddressMessage =
        "url must not point to a loopback, private, link-local or other non-public address.";

    /// <summary>
    /// The URL's form, its scheme (<c>https</c> unless <see cref="WebhookOptions.AllowInsecureUrls"/>)
    /// and, unless <see cref="WebhookOptions.AllowPrivateNetworks"/>, every address its host resolves to
    /// must be public (docs/contract.md, section 9, "Safety"). Deliveries check the address again when
    /// they connect, since what a name resolves to can change.
    /// </summary>
    public static void UrlRules<T>(this IRuleBuilder<T, string?> rule, WebhookOptions options, IHostAddressResolver resolver, bool required) =>
        rule.CustomAsync(async (value, context, cancellationToken) =>
        {
            if (value is null && !required)
            {
                return;
            }

            if (WebhookUrl.FindViolation(value, options.AllowInsecureUrls) is { } violation)
            {
                context.AddFailure(WebhookUrl.FieldName, violation);
                return;
            }

            if (options.AllowPrivateNetworks)
            {
                return;
            }

            var uri = new Uri(value!);
            var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.DnsSafeHost : uri.IdnHost;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
            if (addresses.Count == 0)
            {
                context.AddFailure(WebhookUrl.FieldName, "url's host does not resolve to any address.");
            }
            else if (!addresses.All(NetworkAddresses.IsPublic))
            {
                context.AddFailure(WebhookUrl.FieldName, NonPublicAddressMessage);
            }
        });

    public static void EventTypesRules<T>(this IRuleBuilder<T, IReadOnlyList<string?>?> rule) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && WebhookEventTypes.FindViolation(value) is { } violation)
            {
                context.AddFailure(WebhookEndpoint.EventTypesFieldName, violation);
            }
        });

    public static void DescriptionRules<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) =>
        {
            if (WebhookEndpoint.FindDescriptionViolation(value) is { } violation)
            {
                context.AddFailure(WebhookEndpoint.DescriptionFieldName, violation);
            }
        });
}
