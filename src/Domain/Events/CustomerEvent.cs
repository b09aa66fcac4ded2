using CustomerService.Domain.Customers;

namespace CustomerService.Domain.Events;

/// <summary>
/// Something that happened to a customer, raised by the <see cref="Customer"/> aggregate when the
/// change is made and stored with it, in the same transaction (docs/contract.md, section 9).
/// </summary>
/// <param name="Id">The event's id: version 7, so ids grow with time.</param>
/// <param name="OccurredAt">When the change was made: the customer's or account's own timestamp.</param>
public abstract record CustomerEvent(Guid Id, DateTime OccurredAt)
{
    /// <summary>The event's type as the contract spells it (see <see cref="EventTypes"/>).</summary>
    public abstract string Type { get; }
}

/// <summary>A customer was created; the customer as created is the aggregate's state when it is stored.</summary>
public sealed record CustomerCreated(Guid Id, DateTime OccurredAt) : CustomerEvent(Id, OccurredAt)
{
    public override string Type => EventTypes.CustomerCreated;
}

/// <summary>A customer's status changed from <paramref name="PreviousStatus"/>.</summary>
public sealed record CustomerStatusChanged(Guid Id, DateTime OccurredAt, CustomerStatus PreviousStatus)
    : CustomerEvent(Id, OccurredAt)
{
    public override string Type => EventTypes.CustomerStatusChanged;
}

/// <summary>An account was registered to the customer.</summary>
public sealed record AccountCreated(Guid Id, DateTime OccurredAt, Account Account) : CustomerEvent(Id, OccurredAt)
{
    public override string Type => EventTypes.AccountCreated;
}
