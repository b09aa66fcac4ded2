using System.ComponentModel;
using CustomerService.Api.OpenApi;
using CustomerService.Api.Security;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Customers;
using CustomerService.Application.Customers.UseCaseName;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Controllers;

public sealed partial class CustomersController
{
    /// <summary>Changes a customer (the UseCaseName use case).</summary>
    [HttpPost("{id}/use-case-name", Name = "useCaseName")]
    [Authorize(Policy = Scopes.Write)]
    [ProducesResponseType<CustomerDto>(StatusCodes.Status200OK, Description = "The customer after the change.")]
    [ResponseHeader(StatusCodes.Status200OK, ResponseHeaders.ETag)]
    [ProducesError(nameof(ContractErrors.NotFound), Meaning = NoSuchCustomer)]
    public async Task<ActionResult<CustomerDto>> UseCaseName([Description(CustomerId)] Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new UseCaseNameCommand(id), cancellationToken);
}
