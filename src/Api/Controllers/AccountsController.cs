using Asp.Versioning;
using CustomerService.Api.Contracts;
using CustomerService.Api.Idempotency;
using CustomerService.Api.OpenApi;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.AddAccount;
using CustomerService.Application.Customers.GetAccount;
using CustomerService.Application.Customers.GetCustomerAddresses;
using CustomerService.Application.Customers.ListAccounts;
using CustomerService.Api.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

/// <summary>The blockchain accounts registered to one of the current participant's customers.</summary>
[ApiController]
[TagDescription("The blockchain accounts registered to a customer, and their addresses.")]
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/account-manager/customers/{id}/accounts")]
[Produces("application/json")]
public sealed class AccountsController(IMediator mediator) : ControllerBase
{
    /// <summary>Registers an account; only an active customer takes one.</summary>
    [HttpPost(Name = "addAccount")]
    [Authorize(Policy = Scopes.Write)]
    [Idempotent]
    [Consumes("application/json")]
    [ProducesResponseType<AccountDto>(StatusCodes.Status201Created, Description = "The account as registered.")]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.NotFound, Description = "`NOT_FOUND`: the participant has no such customer.")]
    [ProducesError(StatusCodes.Status409Conflict, ErrorCodes.DuplicateAccountAddress, ErrorCodes.CustomerNotActive, ErrorCodes.AccountLimitReached, ErrorCodes.IdempotencyKeyInUse, Description = "`DUPLICATE_ACCOUNT_ADDRESS`: the participant already has this address on this network; `CUSTOMER_NOT_ACTIVE`: the customer is not active; `ACCOUNT_LIMIT_REACHED`: the customer already holds as many accounts as one may (`Limits:AccountsPerCustomer`, 1,000 by default); `IDEMPOTENCY_KEY_IN_USE`: a request with this `Idempotency-Key` is still running.")]
    public async Task<ActionResult<AccountDto>> Add(Guid id, AddAccountRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var account = await mediator.Send(new AddAccountCommand(id, body.Network, body.Address, body.Label), cancellationToken);
        return Created($"{Request.PathBase}/api/v1/account-manager/customers/{id:D}/accounts/{account.Id:D}", account);
    }

    /// <summary>The customer's accounts, oldest first.</summary>
    [HttpGet(Name = "listAccounts")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<IEnumerable<AccountDto>>(StatusCodes.Status200OK, Description = "The customer's accounts, oldest first.")]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.NotFound, Description = "`NOT_FOUND`: the participant has no such customer.")]
    public async Task<ActionResult<IReadOnlyList<AccountDto>>> List(Guid id, CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new ListAccountsQuery(id), cancellationToken));

    /// <summary>The addresses of all the customer's accounts, in account creation order.</summary>
    [HttpGet("addresses", Name = "getAllAddressesForCustomer")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<IEnumerable<string>>(StatusCodes.Status200OK, Description = "The addresses, in account creation order; `[]` when there are none.")]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.NotFound, Description = "`NOT_FOUND`: the participant has no such customer.")]
    public async Task<ActionResult<IReadOnlyList<string>>> Addresses(Guid id, CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new GetCustomerAddressesQuery(id), cancellationToken));

    /// <summary>One of the customer's accounts.</summary>
    [HttpGet("{accountId}", Name = "getAccount")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<AccountDto>(StatusCodes.Status200OK, Description = "The account.")]
    [ProducesError(StatusCodes.Status404NotFound, ErrorCodes.NotFound, Description = "`NOT_FOUND`: the participant has no such customer, or the customer no such account.")]
    public async Task<ActionResult<AccountDto>> Get(Guid id, Guid accountId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAccountQuery(id, accountId), cancellationToken);
}
