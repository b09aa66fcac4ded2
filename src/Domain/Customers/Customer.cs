using CustomerService.Domain.Common;
using CustomerService.Domain.Events;

namespace CustomerService.Domain.Customers;

/// <summary>
/// The customer aggregate root: a participant's customer, identified to the participant's own
/// systems by its external id, with a status and the blockchain accounts registered to it.
/// </summary>
public sealed class Customer
{
    private readonly List<Account> _accounts = [];
    private readonly List<CustomerEvent> _pendingEvents = [];

    private Customer()
    {
        ParticipantId = string.Empty;
        ExternalId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string ParticipantId { get; private set; }

    public string ExternalId { get; private set; }

    public CustomerStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Concurrency token: moves on every change, so a stale writer can be detected.</summary>
    public int Version { get; private set; }

    /// <summary>The customer's accounts, oldest first.</summary>
    public IReadOnlyList<Account> Accounts => _accounts;

    /// <summary>
    /// The events of the changes made since the customer was created or loaded, oldest first; the
    /// unit of work stores them with the changes and then clears them.
    /// </summary>
    public IReadOnlyList<CustomerEvent> PendingEvents => _pendingEvents;

    /// <summary>Forgets the pending events, once they are stored.</summary>
    public void ClearPendingEvents() => _pendingEvents.Clear();

    public static Customer Create(string participantId, ExternalId externalId, CustomerStatus status, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        if (string.IsNullOrWhiteSpace(participantId))
        {
            throw new ArgumentException("A customer must belong to a participant.", nameof(participantId));
        }

        EnsureDefined(status);
        var now = Timestamps.UtcNow(clock);
        var customer = new Customer
        {
            // Version 7 ids grow with time, which keeps inserts at the end of the primary key index.
            Id = Guid.CreateVersion7(now),
            ParticipantId = participantId,
            ExternalId = externalId.Value,
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        customer._pendingEvents.Add(new CustomerCreated(Guid.CreateVersion7(now), now));
        return customer;
    }

    /// <summary>Moves the customer to <paramref name="status"/>; returns false, changing nothing, when it already has it.</summary>
    public bool ChangeStatus(CustomerStatus status, TimeProvider clock)
    {
        EnsureDefined(status);
        if (status == Status)
        {
            return false;
        }

        var previous = Status;
        Status = status;
        UpdatedAt = Timestamps.UtcNow(clock);
        Version++;
        _pendingEvents.Add(new CustomerStatusChanged(Guid.CreateVersion7(UpdatedAt), UpdatedAt, previous));
        return true;
    }

    /// <summary>
    /// Registers a blockchain account. Only an active customer takes one, the customer may not hold
    /// the same address twice, nor more than <paramref name="maxAccounts"/> accounts.
    /// </summary>
    /// <remarks>
    /// The count is checked on the accounts loaded with the customer; the version moved below makes
    /// the save conditional on that state, so two additions racing for the last place cannot both
    /// be saved.
    /// </remarks>
    public Account AddAccount(BlockchainAddress address, AccountLabel? label, int maxAccounts, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (Status != CustomerStatus.Active)
        {
            throw new CustomerNotActiveException(Status);
        }

        if (_accounts.Exists(account => account.Network == address.Network && account.Address == address.Value))
        {
            throw new DuplicateAccountAddressException();
        }

        if (_accounts.Count >= maxAccounts)
        {
            throw new AccountLimitReachedException(maxAccounts);
        }

        var now = Timestamps.UtcNow(clock);

        // Accounts are listed in creation order by their timestamp, so a second account created in
        // the same millisecond is stamped one millisecond later rather than tie with the first.
        if (_accounts.Count > 0 && _accounts[^1].CreatedAt >= now)
        {
            now = _accounts[^1].CreatedAt.AddMilliseconds(1);
        }

        var account = Account.Create(address, label, now);
        _accounts.Add(account);
        UpdatedAt = now;
        Version++;
        _pendingEvents.Add(new AccountCreated(Guid.CreateVersion7(now), now, account));
        return account;
    }

    /// <summary>
    /// A status read from a client is always defined (<see cref="CustomerStatuses.Check"/>); an
    /// undefined one is a programming error.
    /// </summary>
    private static void EnsureDefined(CustomerStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a customer status.");
        }
    }
}
