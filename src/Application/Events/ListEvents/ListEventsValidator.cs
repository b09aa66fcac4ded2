using CustomerService.Application.Common;
using FluentValidation;

namespace CustomerService.Application.Events.ListEvents;

public sealed class ListEventsValidator : AbstractValidator<ListEventsQuery>
{
    public ListEventsValidator()
    {
        RuleFor(query => query.After).Accepted();
        RuleFor(query => query.Limit).Accepted();
        RuleFor(query => query.Type).Accepted();
    }
}
