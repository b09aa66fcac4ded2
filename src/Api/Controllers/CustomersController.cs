using System.ComponentModel;
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
using CustomerService.Domain.Customers;
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
    /// <summary>The description of a customer's id in a path.</summary>
    internal const string CustomerId = "The customer's id (a UUID).";

    /// <summary>What NOT_FOUND means for an operation on one customer.</summary>
    internal const string NoSuchCustomer = "the participant has no such customer";

    private const string GetById = "getById";

    /// <summary>Creates a customer.</summary>
    [HttpPost(Name = "create")]
    [Authorize(Policy = Scopes.Write)]
    [Idempotent]
    [Consumes("application/json")]
    [ProducesResponseType<CustomerDto>(StatusCodes.Status201Created, Description = "The customer as created.")]
    [ResponseHeader(StatusCodes.Status201Created, ResponseHeaders.ETag)]
    [ProducesError(nameof(ContractErrors.DuplicateExternalId), nameof(ContractErrors.IdempotencyKeyInUse))]
    public async Task<ActionResult<CustomerDto>> Create(CreateCustomerRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var customer = await mediator.Send(new CreateCustomerCommand(body.ExternalId, body.Status), cancellationToken);
        return this.CreatedAt(GetById, new { id = customer.Id }, customer);
    }

    /// <summary>Lists customers, oldest first, all at once or page by page.</summary>
    [HttpGet(Name = "findAll")]
    [Authorize(Policy = Scopes.Read)]
    [StreamedResponse]
    [EnableRateLimiting(FullListConcurrencyPolicy.Name)]
    [ProducesResponseType<IEnumerable<CustomerDto>>(StatusCodes.Status200OK, Description = "The customers, ordered by createdAt then id.")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.Link)]
    public async Task<ActionResult<IAsyncEnumerable<CustomerDto>>> List(
        [FromQuery, EnumValues(typeof(CustomerStatus)), Description("Only customers with this status.")] string? status,
        [FromQuery, Description("Only the customer with exactly this externalId.")] string? externalId,
        [FromQuery, ValueRange(1, ListCustomersValidator.MaxLimit)]
        [Description("At most this many customers; a `Link` header leads to the next page while more remain. Without it, every customer.")]
        int? limit,
        [FromQuery, Description("The opaque cursor from the previous page's `Link` header.")] string? after,
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
    [HttpGet("{id}", Name = GetById)]
    [RefusedMethod("DELETE", "delete", Description = "Deletes nothing: customers are never deleted.")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<CustomerDto>(StatusCodes.Status200OK, Description = "The customer.")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.ETag)]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = NoSuchCustomer)]
    public async Task<ActionResult<CustomerDto>> Get([Description(CustomerId)] Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetCustomerQuery(id), cancellationToken);

    /// <summary>Changes a customer's status.</summary>
    [HttpPut("{id}", Name = "update")]
    [Authorize(Policy = Scopes.Write)]
    [Consumes("application/json")]
    [ProducesResponseType<CustomerDto>(StatusCodes.Status200OK, Description = "The customer after the change (unchanged when it already had that status).")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.ETag)]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = NoSuchCustomer)]
    [ProducesError(nameof(ContractErrors.PreconditionFailed))]
    public async Task<ActionResult<CustomerDto>> UpdateStatus(
        [Description(CustomerId)] Guid id,
        UpdateCustomerRequest body,
        [FromHeader(Name = "If-Match")]
        [Description("The `ETag` you last read: the change is made only if the customer is still at that version (else 412). Without it, the last write wins.")]
        string? ifMatch,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await mediator.Send(new UpdateCustomerStatusCommand(id, body.Status, EntityTags.ParseIfMatch(ifMatch)), cancellationToken);
    }
}
