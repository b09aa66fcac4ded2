using System.Net;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Domain.Common;
using CustomerService.Domain.Webhooks;
using FluentValidation;

namespace CustomerService.Application.Webhooks;

/// <summary>Validation rules shared by the webhook endpoint use cases, named by the JSON field they check.</summary>
internal static class WebhookEndpointRules
{
    public const string NonPublicAddressMessage =
        "url must not point to a loopback, private, link-local or other non-public address.";

    /// <summary>
    /// Where a URL whose form was accepted may point (docs/contract.md, section 9, "Safety"): its
    /// scheme must be <c>https</c> unless <see cref="WebhookOptions.AllowInsecureUrls"/>, and, unless
    /// <see cref="WebhookOptions.AllowPrivateNetworks"/>, every address its host resolves to must be
    /// public. Deliveries check the address again when they connect, since what a name resolves to
    /// can change. A URL left out, or refused by its form, is not looked at.
    /// </summary>
    public static void WhereUrlMayPoint<T, TUrl>(this IRuleBuilder<T, Checked<TUrl>> rule, WebhookOptions options, IHostAddressResolver resolver) =>
        rule.CustomAsync(async (value, context, cancellationToken) =>
        {
            if (!value.IsAccepted || value.Value is not string url)
            {
                return;
            }

            if (WebhookUrl.FindViolation(url, options.AllowInsecureUrls) is { } violation)
            {
                context.AddFailure(WebhookUrl.FieldName, violation);
                return;
            }

            if (options.AllowPrivateNetworks)
            {
                return;
            }

            var uri = new Uri(url);
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
}
