namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// The shapes of the rows released versions of the service wrote, oldest first. A layout holds
/// from the migration that introduced it until the next one that changes how rows are written;
/// each engine says which of its migrations introduced which (<see cref="MigrationEngine.LayoutChanges"/>).
/// </summary>
public enum RowLayout
{
    /// <summary>Customers, and accounts without a participant of their own (only their customer's).</summary>
    CustomersAndAccounts,

    /// <summary>Accounts carry their customer's participant.</summary>
    AccountsCarryParticipant,

    /// <summary>Idempotency keys are stored with the answers they replay.</summary>
    IdempotencyKeys,
}
