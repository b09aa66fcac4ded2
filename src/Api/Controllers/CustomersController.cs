using System.Globalization;
using Asp.Versioning;
using CustomerService.Api.Contracts;
using CustomerService.Api.Http;
using CustomerService.Api.Idempotency;
using CustomerService.Api.OpenApi;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.CreateCustomer;
using CustomerService.Application.Customers.GetCustomer;
using CustomerService.Application.Customers.ListCustomers;
using CustomerService.Application.Customers.UpdateCustomerStatus;
using CustomerService.Api.Security;
using CustomerService.Api.Streaming;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CustomerService.Api.Controllers;

/// <summary>The current participant's customers.</summary>
[ApiController]
[TagDescription("The current participant's customers: create, read, list and change their status. Customers are never deleted.")]
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/account-manager/customers")]
[Produces("application/json")]
public sealed partial class CustomersController(IMediator mediator) : ControllerBase
{
    /// <summary>Creates a customer.</summary>
    [HttpPost(Name = "create")]
    [Authorize(Policy = Scopes.Write)]
    [Idempotent]
    [Consumes("application/json")]
    [ProducesResponseType<CustomerDto>(StatusCodes.Status201Created, Description = "The customer as created.")]
    [ResponseHeader(StatusCodes.Status201Created, ResponseHeaders.ETag)]
    [ProducesError(StatusCodes.Status409Conflict, ErrorCodes.DuplicateExternalId, ErrorCodes.IdempotencyKeyInUse, Description = "`DUPLICATE_EXTERNAL_ID`: the participant already has a customer with this externalId; `IDEMPOTENCY_KEY_IN_USE`: a request with this `Idempotency-Key` is still running.")]
    public async Task<ActionResult<CustomerDto>> Create(CreateCustomerRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var customer = await mediator.Send(new CreateCustomerCommand(body.ExternalId, body.Status), cancellationToken);
        Response.Headers.ETag = EntityTags.Format(customer.Version);
        return Created(CustomerPath(customer.Id), customer);
    }

    /// <summary>Lists customers, oldest first, all at once or page by page.</summary>
    [HttpGet(Name = "findAll")]
    [Authorize(Policy = Scopes.Read)]
    [StreamedResponse]
    [EnableRateLimiting(FullListConcurrencyPolicy.Name)]
    [ProducesResponseType<IEnumerable<CustomerDto>>(StatusCodes.Status200OK, Description = "The customers, ordered by createdAt then id.")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.Link)]
    public async Task<ActionResult<IAsyncEnumerable<CustomerDto>>> List(
        [FromQuery] string? status,
        [FromQuery] string? externalId,
        [FromQuery] int? limit,
        [FromQuery] string? after,
        CancellationToken cancellationToken)
    {
        var page = await mediator.Send(new ListCustomersQuery(status, externalId, limit, after), cancellationToken);
        if (page.NextCursor is { } cursor)
        {
            var next = QueryString.Create(
            [
                new("limit", limit?.ToString(CultureInfo.InvariantCulture)),
                new("after", cursor),
                .. status is null ? [] : new[] { new KeyValuePair<string, string?>("status", status) },
                .. externalId is null ? [] : new[] { new KeyValuePair<string, string?>("externalId", externalId) },
            ]);
            Response.Headers.Link = $"<{Request.PathBase}{Request.Path}{next}>; rel=\"next\"";
        }

        return Ok(page.Items);
    }

    /// <summary>Reads one customer.</summary>
    [HttpGet("{id}", Name = "getById")]
    [RefusedMethod("DELETE", "delete", Description = "Deletes nothing: customers are never deleted.")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<CustomerDto>(StatusCodes.Status200OK, Description = "The customer.")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.ETag)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.NotFound, Description = "`NOT_FOUND`: the participant has no such customer.")]
    public async Task<ActionResult<CustomerDto>> Get(Guid id, CancellationToken cancellationToken)
    {
        var customer = await mediator.Send(new GetCustomerQuery(id), cancellationToken);
        Response.Headers.ETag = EntityTags.Format(customer.Version);
        return customer;
    }

    /// <summary>Changes a customer's status.</summary>
    [HttpPut("{id}", Name = "update")]
    [Authorize(Policy = Scopes.Write)]
    [Consumes("application/json")]
    [ProducesResponseType<CustomerDto>(StatusCodes.Status200OK, Description = "The customer after the change (unchanged when it already had that status).")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.ETag)]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.NotFound, Description = "`NOT_FOUND`: the participant has no such customer.")]
    [ProducesError(StatusCodes.Status412PreconditionFailed, ErrorCodes.PreconditionFailed, Description = "`PRECONDITION_FAILED`: `If-Match` names a version that is no longer current.")]
    public async Task<ActionResult<CustomerDto>> UpdateStatus(
        Guid id,
        UpdateCustomerRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var customer = await mediator.Send(
            new UpdateCustomerStatusCommand(id, body.Status, EntityTags.ParseIfMatch(ifMatch)),
            cancellationToken);
        Response.Headers.ETag = EntityTags.Format(customer.Version);
        return customer;
    }

    private string CustomerPath(Guid id) => $"{Request.PathBase}/api/v1/account-manager/customers/{id:D}";
}
