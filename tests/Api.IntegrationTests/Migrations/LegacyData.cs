namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// What an upgraded database holds: two participants' customers and accounts, one Ethereum address
/// registered by both participants, and one stored idempotent create each under the same key.
/// Timestamps are a couple of hours old, so the idempotency keys are still within their retention.
/// </summary>
public sealed class LegacyData
{
    public const string ParticipantA = "participant-a";
    public const string ParticipantB = "partner.b:eu-1";
    public const string SharedAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    public const string SolanaAddress = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";

    /// <summary>The idempotency options of the release that introduced them: held for 2 minutes, kept for 24 hours.</summary>
    public static readonly TimeSpan InProgressTimeout = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly DateTime _start;

    public LegacyData()
    {
        var now = DateTime.UtcNow;
        _start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc).AddHours(-2);

        var treasury = Customer(ParticipantA, "a-treasury", "Active", created: 0, updated: 0, version: 1);
        var dormant = Customer(ParticipantA, "a-dormant", "Suspended", created: 3_000, updated: 10_000, version: 2);
        var hotWallet = Customer(ParticipantB, "b-hot-wallet", "Active", created: 5_000, updated: 5_000, version: 1);
        var closed = Customer(ParticipantB, "b-closed", "Inactive", created: 8_000, updated: 9_000, version: 2);
        Customers = [treasury, dormant, hotWallet, closed];

        SolanaOfA = Account(treasury, "Solana", SolanaAddress, null, at: 2_000);
        SharedAddressOfB = Account(hotWallet, "Ethereum", SharedAddress, "hot", at: 6_000);
        Accounts =
        [
            Account(treasury, "Ethereum", SharedAddress, "treasury", at: 1_000),
            SolanaOfA,
            Account(dormant, "Polygon", "0x52908400098527886E0F7030069857D2E4169EE7", "ops", at: 4_000),
            SharedAddressOfB,
            Account(hotWallet, "Bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", null, at: 7_000),
        ];

        IdempotentCreates = [new("create-customer-1", dormant), new("create-customer-1", closed)];
    }

    public IReadOnlyList<LegacyCustomer> Customers { get; }

    public IReadOnlyList<LegacyAccount> Accounts { get; }

    public IReadOnlyList<LegacyIdempotentCreate> IdempotentCreates { get; }

    /// <summary>Participant A's Solana account, on its active customer.</summary>
    public LegacyAccount SolanaOfA { get; }

    /// <summary>Participant B's account at the address participant A has too.</summary>
    public LegacyAccount SharedAddressOfB { get; }

    /// <summary>Participant A registering <see cref="SolanaAddress"/> again on the same customer, after every other row.</summary>
    public LegacyAccount SolanaOfAAgain() => Account(SolanaOfA.Customer, "Solana", SolanaAddress, "registered again", at: 20_000);

    /// <summary>Writes every row the version of <paramref name="layout"/> could hold.</summary>
    public async Task WriteAsync(MigrationEngine engine, RowLayout layout)
    {
        await WriteCustomersAsync(engine);
        foreach (var account in Accounts)
        {
            await LegacyRows.InsertAsync(engine, account, layout);
        }

        if (layout >= RowLayout.IdempotencyKeys)
        {
            await WriteIdempotentCreatesAsync(engine);
        }
    }

    public async Task WriteCustomersAsync(MigrationEngine engine)
    {
        foreach (var customer in Customers)
        {
            await LegacyRows.InsertAsync(engine, customer);
        }
    }

    public async Task WriteIdempotentCreatesAsync(MigrationEngine engine)
    {
        foreach (var create in IdempotentCreates)
        {
            await LegacyRows.InsertAsync(engine, create, InProgressTimeout, Retention);
        }
    }

    private LegacyCustomer Customer(string participantId, string externalId, string status, int created, int updated, int version)
    {
        var createdAt = _start.AddMilliseconds(created);
        return new(Guid.CreateVersion7(createdAt), participantId, externalId, status, createdAt, _start.AddMilliseconds(updated), version);
    }

    private LegacyAccount Account(LegacyCustomer customer, string network, string address, string? label, int at)
    {
        var createdAt = _start.AddMilliseconds(at);
        return new(Guid.CreateVersion7(createdAt), customer, network, address, label, createdAt);
    }
}
