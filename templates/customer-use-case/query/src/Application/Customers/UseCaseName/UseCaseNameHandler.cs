using CustomerService.Application.Common.Abstractions;
using MediatR;

namespace CustomerService.Application.Customers.UseCaseName;

/// <summary>
/// Reads through the query side only: the read model projects straight into the answer's DTO; no
/// aggregate, repository or mapper (tests/Architecture.Tests, QuerySideTests).
/// </summary>
public sealed class UseCaseNameHandler(ICustomerReadModel customers)
    : IRequestHandler<UseCaseNameQuery, CustomerDto>
{
    public async Task<CustomerDto> Handle(UseCaseNameQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // THE USE CASE'S READ GOES HERE: ask ICustomerReadModel for what the answer needs. A read it
        // does not offer yet is one more method there, projected by Infrastructure's read model.
        return await customers.GetCustomerAsync(request.Id, cancellationToken);
    }
}
