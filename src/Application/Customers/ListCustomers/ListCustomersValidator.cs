using CustomerService.Application.Common;
using FluentValidation;

namespace CustomerService.Application.Customers.ListCustomers;

public sealed class ListCustomersValidator : AbstractValidator<ListCustomersQuery>
{
    /// <summary>The largest page a client may ask for.</summary>
    public const int MaxLimit = 1000;

    public ListCustomersValidator()
    {
        RuleFor(query => query.Status).Accepted();
        RuleFor(query => query.Limit).Accepted();
        RuleFor(query => query.After).Accepted();
        RuleFor(query => query.ExternalId).Accepted();
    }
}
