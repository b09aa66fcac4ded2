using System.ComponentModel;
using Asp.Versioning;
using CustomerService.Api.Contracts;
using CustomerService.Api.Http;
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
    private const string GetAccount = "getAccount";

    /// <summary>Registers an account; only an active customer takes one.</summary>
    [HttpPost(Name = "addAccount")]
    [Authorize(Policy = Scopes.Write)]
    [Idempotent]
    [Consumes("application/json")]
    [ProducesResponseType<AccountDto>(StatusCodes.Status201Created, Description = "The account as registered.")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = CustomersController.NoSuchCustomer)]
    [ProducesError(
        nameof(ContractErrors.DuplicateAccountAddress),
        nameof(ContractErrors.CustomerNotActive),
        nameof(ContractErrors.AccountLimitReached),
        nameof(ContractErrors.IdempotencyKeyInUse))]
    public async Task<ActionResult<AccountDto>> Add([Description(CustomersController.CustomerId)] Guid id, AddAccountRequest body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var account = await mediator.Send(new AddAccountCommand(id, body.Network, body.Address, body.Label), cancellationToken);
        return this.CreatedAt(GetAccount, new { id, accountId = account.Id }, account);
    }

    /// <summary>The customer's accounts, oldest first.</summary>
    [HttpGet(Name = "listAccounts")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<IEnumerable<AccountDto>>(StatusCodes.Status200OK, Description = "The customer's accounts, oldest first.")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = CustomersController.NoSuchCustomer)]
    public async Task<ActionResult<IReadOnlyList<AccountDto>>> List([Description(CustomersController.CustomerId)] Guid id, CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new ListAccountsQuery(id), cancellationToken));

    /// <summary>The addresses of all the customer's accounts, in account creation order.</summary>
    [HttpGet("addresses", Name = "getAllAddressesForCustomer")]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<IEnumerable<string>>(StatusCodes.Status200OK, Description = "The addresses, in account creation order; `[]` when there are none.")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = CustomersController.NoSuchCustomer)]
    public async Task<ActionResult<IReadOnlyList<string>>> Addresses([Description(CustomersController.CustomerId)] Guid id, CancellationToken cancellationToken) =>
        Ok(await mediator.Send(new GetCustomerAddressesQuery(id), cancellationToken));

    /// <summary>One of the customer's accounts.</summary>
    [HttpGet("{accountId}", Name = GetAccount)]
    [Authorize(Policy = Scopes.Read)]
    [ProducesResponseType<AccountDto>(StatusCodes.Status200OK, Description = "The account.")]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = CustomersController.NoSuchCustomer + ", or the customer no such account")]
    public async Task<ActionResult<AccountDto>> Get(
        [Description(CustomersController.CustomerId)] Guid id,
        [Description("The account's id (a UUID).")] Guid accountId,
        CancellationToken cancellationToken) =>
        await mediator.Send(new GetAccountQuery(id, accountId), cancellationToken);
}
