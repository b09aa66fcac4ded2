using System.Collections.Concurrent;

namespace CustomerService.Soak;

/// <summary>A status some response showed a customer at, and the version (ETag) it showed with it.</summary>
internal sealed record Observation(int Version, string Status, long Sequence);

/// <summary>An account whose add answered 201.</summary>
internal sealed record TrackedAccount(Guid Id, string Network, string Address, long Tick);

/// <summary>What the soak knows about one customer it created: every status it saw it at, and its accounts.</summary>
internal sealed class TrackedCustomer(CustomerBody created, Participant owner, long tick)
{
    private readonly Lock _gate = new();
    private readonly List<Observation> _observations = [];
    private readonly List<TrackedAccount> _accounts = [];
    private bool _statusUncertain;
    private bool _accountsUncertain;

    public Guid Id => created.Id;

    public Participant Owner => owner;

    public string ExternalId => created.ExternalId;

    public string CreatedAt => created.CreatedAt;

    /// <summary>When the first 201 for it arrived (see <see cref="Reply.Tick"/>).</summary>
    public long Tick => tick;

    /// <summary>A PUT to it got no answer, so a status change may have landed unseen.</summary>
    public bool StatusUncertain
    {
        get { lock (_gate) { return _statusUncertain; } }
    }

    /// <summary>An account add to it got no answer, so an account may exist unseen.</summary>
    public bool AccountsUncertain
    {
        get { lock (_gate) { return _accountsUncertain; } }
    }

    /// <summary>The status at the highest version seen so far.</summary>
    public string LatestStatus
    {
        get
        {
            lock (_gate)
            {
                return _observations.Count == 0 ? created.Status : _observations.MaxBy(observation => observation.Version)!.Status;
            }
        }
    }

    public void Observe(int version, string status, long sequence)
    {
        lock (_gate)
        {
            _observations.Add(new Observation(version, status, sequence));
        }
    }

    public void AddAccount(TrackedAccount account)
    {
        lock (_gate)
        {
            _accounts.Add(account);
        }
    }

    public void MarkStatusUncertain()
    {
        lock (_gate)
        {
            _statusUncertain = true;
        }
    }

    public void MarkAccountsUncertain()
    {
        lock (_gate)
        {
            _accountsUncertain = true;
        }
    }

    public IReadOnlyList<Observation> Observations()
    {
        lock (_gate)
        {
            return [.. _observations];
        }
    }

    public IReadOnlyList<TrackedAccount> Accounts()
    {
        lock (_gate)
        {
            return [.. _accounts];
        }
    }
}

/// <summary>Every customer the soak created, per participant, and the externalIds each participant has used.</summary>
internal sealed class Ledger
{
    /// <summary>How many of the newest customers count as "recent", where concurrent writes are aimed to collide.</summary>
    private const int HotSetSize = 16;

    private readonly ConcurrentDictionary<Guid, TrackedCustomer> _customers = new();
    private readonly Dictionary<string, Book> _books;

    public Ledger(IEnumerable<Participant> participants)
    {
        _books = participants.ToDictionary(participant => participant.Label, _ => new Book());
    }

    public IEnumerable<TrackedCustomer> All => _customers.Values;

    /// <summary>
    /// Reserves an externalId for a participant before a create that must succeed; false when the
    /// participant has used it already. Two workers never send the same "fresh" externalId.
    /// </summary>
    public bool Claim(Participant participant, string externalId) =>
        BookOf(participant).ExternalIds.TryAdd(externalId, 0);

    /// <summary>Records a customer a 201 returned; a customer already known (a replay) is returned as it is.</summary>
    public TrackedCustomer Register(Participant owner, CustomerBody created, long tick)
    {
        ArgumentNullException.ThrowIfNull(created);
        var fresh = new TrackedCustomer(created, owner, tick);
        if (!_customers.TryAdd(created.Id, fresh))
        {
            return _customers[created.Id];
        }

        var book = BookOf(owner);
        lock (book.Gate)
        {
            book.Customers.Add(fresh);
        }

        return fresh;
    }

    public TrackedCustomer? Find(Guid id) => _customers.GetValueOrDefault(id);

    public IReadOnlyList<TrackedCustomer> CustomersOf(Participant participant)
    {
        var book = BookOf(participant);
        lock (book.Gate)
        {
            return [.. book.Customers];
        }
    }

    /// <summary>
    /// One of the participant's customers: often one of the newest, so that concurrent writers meet
    /// on the same customer, otherwise any. Null before the participant has any.
    /// </summary>
    public TrackedCustomer? Pick(Participant participant, Func<TrackedCustomer, bool>? where = null)
    {
        var book = BookOf(participant);
        lock (book.Gate)
        {
            var customers = book.Customers;
            if (customers.Count == 0)
            {
                return null;
            }

            for (var attempt = 0; attempt < 8; attempt++)
            {
                var index = Random.Shared.Next(3) == 0
                    ? customers.Count - 1 - Random.Shared.Next(Math.Min(HotSetSize, customers.Count))
                    : Random.Shared.Next(customers.Count);
                if (where is null || where(customers[index]))
                {
                    return customers[index];
                }
            }

            return null;
        }
    }

    private Book BookOf(Participant participant) => _books[participant.Label];

    private sealed class Book
    {
        public Lock Gate { get; } = new();

        public List<TrackedCustomer> Customers { get; } = [];

        public ConcurrentDictionary<string, byte> ExternalIds { get; } = new(StringComparer.Ordinal);
    }
}
