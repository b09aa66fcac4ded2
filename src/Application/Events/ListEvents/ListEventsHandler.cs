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
        var after = request.After.Value;
        var limit = request.Limit.Value;
        var type = request.Type.Value;
        if (request.CustomerId is { } customerId && !await customers.CustomerExistsAsync(customerId, cancellationToken))
        {
            throw NotFoundException.Customer();
        }

        var afterPosition = EventFeedPosition.Start;
        if (after is { } afterId)
        {
            afterPosition = await feed.FindPositionAsync(afterId, request.CustomerId, cancellationToken)
                ?? throw new RequestValidationException(
                [
                    new FieldError("after", request.CustomerId is null
                        ? "after must be the id of one of your events."
                        : "after must be the id of one of this customer's events."),
                ]);
        }

        return await feed.ReadAsync(
            new EventFeedFilter(afterPosition, limit, type, request.CustomerId),
            cancellationToken);
    }
}
