using System.ComponentModel;
using System.Globalization;
using Asp.Versioning;
using CustomerService.Api.OpenApi;
using CustomerService.Api.Security;
using CustomerService.Application.Common;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Webhooks;
using CustomerService.Application.Webhooks.ListWebhookDeliveries;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>The delivery attempts made to one of the current participant's webhook endpoints.</summary>
[ApiController]
[TagDescription("Every delivery attempt made to a webhook endpoint, newest first: when, with what outcome, and why a failed one failed.")]
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/account-manager/webhook-endpoints/{id}/deliveries")]
[Produces("application/json")]
public sealed class WebhookDeliveriesController(IMediator mediator) : ControllerBase
{
    /// <summary>Lists an endpoint's delivery attempts, newest first.</summary>
    [HttpGet(Name = "listWebhookDeliveries")]
    [Authorize(Policy = Scopes.WebhooksRead)]
    [ProducesResponseType<IEnumerable<WebhookDeliveryDto>>(StatusCodes.Status200OK, Description = "The attempts, newest first.")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.Link)]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = "the participant has no such webhook endpoint")]
    public async Task<ActionResult<IReadOnlyList<WebhookDeliveryDto>>> List(
        [Description(WebhookEndpointsController.EndpointId)] Guid id,
        [FromQuery, Description("The id of the last attempt of the previous page; the page starts after it.")] string? after,
        [FromQuery, ValueRange(1, PageRules.MaxLimit), Description("At most this many attempts (100 when absent); a `Link` header leads to the next page while more remain.")] int? limit,
        CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListWebhookDeliveriesQuery(id, after, limit), cancellationToken);
        if (page.HasMore)
        {
            var next = QueryString.Create(
            [
                new("after", page.Attempts[^1].Id.ToString("D")),
                .. limit is { } given ? new[] { new KeyValuePair<string, string?>("limit", given.ToString(CultureInfo.InvariantCulture)) } : [],
            ]);
            Response.Headers.Link = $"<{Request.PathBase}{Request.Path}{next}>; rel=\"next\"";
        }

        return Ok(page.Attempts);
    }
}
