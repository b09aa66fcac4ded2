using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Errors;
using MediatR;

namespace CustomerService.Application.Events.ListEvents;

public sealed class ListEventsHandler(IEventFeed feed, ICustomerReadModel customers)
    : IRequestHandler<ListEventsQuery, EventFeedPage>
{
    public async Task<EventFeedPage> Handle(ListEventsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CustomerId is { } customerId && !await customers.CustomerExistsAsync(customerId, cancellationToken))
        {
            throw NotFoundException.Customer();
        }

        var afterPosition = 0L;
        if (request.After is { } after)
        {
            afterPosition = await feed.FindPositionAsync(Guid.ParseExact(after, "D"), request.CustomerId, cancellationToken)
                ?? throw new RequestValidationException(
                [
                    new FieldError("after", request.CustomerId is null
                        ? "after must be the id of one of your events."
                        : "after must be the id of one of this customer's events."),
                ]);
        }

        return await feed.ReadAsync(
            new EventFeedFilter(afterPosition, request.Limit ?? ListEventsValidator.DefaultLimit, request.Type, request.CustomerId),
            cancellationToken);
    }
}
