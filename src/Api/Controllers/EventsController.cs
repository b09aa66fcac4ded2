using System.ComponentModel;
using System.Globalization;
using Asp.Versioning;
using CustomerService.Api.OpenApi;
using CustomerService.Api.Security;
using CustomerService.Application.Common;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Events;
using CustomerService.Application.Events.ListEvents;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>The current participant's events: every change, in the order it committed.</summary>
[ApiController]
[TagDescription("Every change to the participant's customers and accounts, oldest first: poll with the id of the last event processed, or receive them as webhooks.")]
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/account-manager")]
[Produces("application/json")]
public sealed class EventsController(IMediator mediator) : ControllerBase
{
    private const string After = "The id of the last event you processed; the page starts after it.";
    private const string Limit = "At most this many events (100 when absent); a `Link` header leads to the next page while more remain.";
    private const string Type = "Only events of this type: `customer.created`, `customer.status_changed` or `account.created`.";

    /// <summary>Lists the participant's events, oldest first.</summary>
    [HttpGet("events", Name = "listEvents")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<IEnumerable<EventDto>>(StatusCodes.Status200OK, Description = "The events after `after`, oldest first (in the order their changes committed).")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.Link)]
    public Task<IActionResult> List(
        [FromQuery, Description(After)] string? after,
        [FromQuery, ValueRange(1, PageRules.MaxLimit), Description(Limit)] int? limit,
        [FromQuery, Description(Type)] string? type,
        CancellationToken cancellationToken) =>
        Page(new ListEventsQuery(null, after, limit, type), limit, type, cancellationToken);

    /// <summary>Lists one customer's events, oldest first.</summary>
    [HttpGet("customers/{id}/events", Name = "listCustomerEvents")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<IEnumerable<EventDto>>(StatusCodes.Status200OK, Description = "The customer's events after `after`, oldest first.")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.Link)]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = CustomersController.NoSuchCustomer)]
    public Task<IActionResult> ListForCustomer(
        [Description(CustomersController.CustomerId)] Guid id,
        [FromQuery, Description(After)] string? after,
        [FromQuery, ValueRange(1, PageRules.MaxLimit), Description(Limit)] int? limit,
        [FromQuery, Description(Type)] string? type,
        CancellationToken cancellationToken) =>
        Page(new ListEventsQuery(id, after, limit, type), limit, type, cancellationToken);

    private async Task<IActionResult> Page(ListEventsQuery query, int? limit, string? type, CancellationToken cancellationToken)
    {
        var page = await mediator.Send(query, cancellationToken);
        if (page.HasMore && page.LastEventId is { } last)
        {
            var next = QueryString.Create(
            [
                new("after", last.ToString("D")),
                .. limit is { } given ? new[] { new KeyValuePair<string, string?>("limit", given.ToString(CultureInfo.InvariantCulture)) } : [],
                .. type is null ? [] : new[] { new KeyValuePair<string, string?>("type", type) },
            ]);
            Response.Headers.Link = $"<{Request.PathBase}{Request.Path}{next}>; rel=\"next\"";
        }

        // The bodies are stored as the JSON the events were recorded with; they are sent as they are.
        return new ContentResult
        {
            Content = $"[{string.Join(',', page.Bodies)}]",
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }
}
