using Asp.Versioning;
using CustomerService.Api.Contracts;
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
[ApiVersion(1.0)]
[Route("api/v{version:apiVersion}/account-manager/customers/{id}/accounts")]
[Produces("application/json")]
public sealed class AccountsController(IMediator mediator) : ControllerBase
{
    /// <summary>Registers an account; only an active customer takes one.</summary>
    [HttpPost]
    [Authorize(Policy = Scopes.Write)]
    [Consumes("application/json")]
    public async Task<ActionResult<AccountDto>> Add(Guid id, AddAccountRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var account = await mediator.Send(new AddAccountCommand(id, body.Network, body.Address, body.Label), cancellationToken);
        return Created($"{Request.PathBase}/api/v1/account-manager/customers/{id:D}/accounts/{account.Id:D}", account);
    }

    /// <summary>The customer's accounts, oldest first.</summary>
    [HttpGet]
    [Authorize(Policy = Scopes.Read)]
    public async Task<ActionResult<IReadOnlyList<AccountDto>>> List(Guid id, CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new ListAccountsQuery(id), cancellationToken));

    /// <summary>The addresses of all the customer's accounts, in account creation order.</summary>
    [HttpGet("addresses")]
    [Authorize(Policy = Scopes.Read)]
    public async Task<ActionResult<IReadOnlyList<string>>> Addresses(Guid id, CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new GetCustomerAddressesQuery(id), cancellationToken));

    /// <summary>One of the customer's accounts.</summary>
    [HttpGet("{accountId}")]
    [Authorize(Policy = Scopes.Read)]
    public async Task<ActionResult<AccountDto>> Get(Guid id, Guid accountId, CancellationToken cancellationToken) =>
        await mediator.Send(new GetAccountQuery(id, accountId), cancellationToken);
}
