using System.ComponentModel;
using Asp.Versioning;
using CustomerService.Api.Contracts;
using CustomerService.Api.OpenApi;
using CustomerService.Api.Security;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Webhooks;
using CustomerService.Application.Webhooks.CreateWebhookEndpoint;
using CustomerService.Application.Webhooks.DeleteWebhookEndpoint;
using CustomerService.Application.Webhooks.GetWebhookEndpoint;
using CustomerService.Application.Webhooks.ListWebhookEndpoints;
using CustomerService.Application.Webhooks.RotateWebhookEndpointSecret;
using CustomerService.Application.Webhooks.UpdateWebhookEndpoint;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>The current participant's webhook endpoints (docs/contract.md, section 9).</summary>
[ApiController]
[TagDescription("Where the participant's events are delivered, signed per the Standard Webhooks specification: register, read, change and delete endpoints, and rotate their signing secrets.")]
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/account-manager/webhook-endpoints")]
[Produces("application/json")]
public sealed class WebhookEndpointsController(IMediator mediator) : ControllerBase
{
    internal const string EndpointId = "The webhook endpoint's id (a UUID).";
    private const string NoSuchEndpoint = "the participant has no such webhook endpoint";

    /// <summary>Registers a webhook endpoint; the answer carries its signing secret, shown only this once.</summary>
    [HttpPost(Name = "createWebhookEndpoint")]
    [Authorize(Policy = Scopes.WebhooksWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<CreatedWebhookEndpointDto>(StatusCodes.Status201Created, Description = "The endpoint as registered, with its signing secret.")]
    [ProducesError(nameof(ContractErrors.WebhookEndpointLimitReached))]
    public async Task<ActionResult<CreatedWebhookEndpointDto>> Create(CreateWebhookEndpointRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var endpoint = await mediator.Send(new CreateWebhookEndpointCommand(body.Url, body.EventTypes, body.Description), cancellationToken);
        return Created($"{Request.PathBase}/api/v1/account-manager/webhook-endpoints/{endpoint.Id:D}", endpoint);
    }

    /// <summary>Lists the webhook endpoints, oldest first, without their secrets.</summary>
    [HttpGet(Name = "listWebhookEndpoints")]
    [Authorize(Policy = Scopes.WebhooksRead)]
    [ProducesResponseType<IEnumerable<WebhookEndpointDto>>(StatusCodes.Status200OK, Description = "The endpoints, ordered by createdAt then id.")]
    public async Task<ActionResult<IReadOnlyList<WebhookEndpointDto>>> List(CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new ListWebhookEndpointsQuery(), cancellationToken));

    /// <summary>Reads one webhook endpoint, without its secret.</summary>
    /// <param name="id">The webhook endpoint's id (a UUID).</param>
    /// <param name="cancellationToken">Ends the work when the client goes away.</param>
    [HttpGet("{id}", Name = "getWebhookEndpoint")]
    [Authorize(Policy = Scopes.WebhooksRead)]
    [ProducesResponseType<WebhookEndpointDto>(StatusCodes.Status200OK, Description = "The endpoint.")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = NoSuchEndpoint)]
    public async Task<ActionResult<WebhookEndpointDto>> Get([Description(EndpointId)] Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetWebhookEndpointQuery(id), cancellationToken);

    /// <summary>Changes the fields given of a webhook endpoint: its URL, event types, description, or whether it is enabled.</summary>
    /// <param name="id">The webhook endpoint's id (a UUID).</param>
    /// <param name="body">The fields to change.</param>
    /// <param name="cancellationToken">Ends the work when the client goes away.</param>
    [HttpPut("{id}", Name = "updateWebhookEndpoint")]
    [Authorize(Policy = Scopes.WebhooksWrite)]
    [Consumes("application/json")]
    [ProducesResponseType<WebhookEndpointDto>(StatusCodes.Status200OK, Description = "The endpoint after the change (unchanged, `updatedAt` too, when every value given was already its own).")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = NoSuchEndpoint)]
    public async Task<ActionResult<WebhookEndpointDto>> Update([Description(EndpointId)] Guid id, UpdateWebhookEndpointRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await mediator.Send(
            new UpdateWebhookEndpointCommand(id, body.Url, body.EventTypes, body.Description, body.Enabled),
            cancellationToken);
    }

    /// <summary>Deletes a webhook endpoint; deliveries still pending for it are dropped.</summary>
    /// <param name="id">The webhook endpoint's id (a UUID).</param>
    /// <param name="cancellationToken">Ends the work when the client goes away.</param>
    [HttpDelete("{id}", Name = "deleteWebhookEndpoint")]
    [Authorize(Policy = Scopes.WebhooksWrite)]
    [ProducesResponseType(StatusCodes.Status204NoContent, Description = "Deleted.")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = NoSuchEndpoint)]
    public async Task<IActionResult> Delete([Description(EndpointId)] Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteWebhookEndpointCommand(id), cancellationToken);
        return NoContent();
    }

    /// <summary>Gives a webhook endpoint a new signing secret, shown only this once; the previous secret keeps signing deliveries (a second signature) for 24 hours.</summary>
    /// <param name="id">The webhook endpoint's id (a UUID).</param>
    /// <param name="cancellationToken">Ends the work when the client goes away.</param>
    [HttpPost("{id}/secret", Name = "rotateWebhookEndpointSecret")]
    [Authorize(Policy = Scopes.WebhooksWrite)]
    [ProducesResponseType<WebhookSecretDto>(StatusCodes.Status200OK, Description = "The new secret.")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = NoSuchEndpoint)]
    public async Task<ActionResult<WebhookSecretDto>> RotateSecret([Description(EndpointId)] Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new RotateWebhookEndpointSecretCommand(id), cancellationToken);
}
