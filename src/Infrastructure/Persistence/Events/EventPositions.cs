using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Events;

/// <summary>
/// How the feed keeps commit order (decision 0023). Events are read in (transaction id, position)
/// order, and only those whose transaction id is below <see cref="VisibleBelow"/>.
/// <list type="bullet">
/// <item>On PostgreSQL the database sets both: the id of the storing transaction and a global
/// identity. <see cref="VisibleBelow"/> is the oldest transaction id still running when the query's
/// snapshot was taken: every transaction below it has ended, so once a reader has seen an event, no
/// event before it in that order can still appear, however the writers' commits interleaved.
/// Writers take no lock.</item>
/// <item>SQLite and SQL Server give transaction id 0 and number positions 1, 2, 3… per participant
/// while the participant's event lock is held (see <see cref="CustomerDbContext.LockEventPositionsAsync"/>),
/// so a later position never commits before an earlier one; nothing is held back.</item>
/// </list>
/// </summary>
internal static class EventPositions
{
    private static readonly Func<CustomerDbContext, string, CancellationToken, Task<long?>> Last =
        EF.CompileAsyncQuery((CustomerDbContext context, string participantId, CancellationToken _) =>
            context.Events.IgnoreQueryFilters()
                .Where(stored => stored.ParticipantId == participantId && stored.TransactionId == 0)
                .Max(stored => (long?)stored.Position));

    /// <summary>
    /// The bound below which stored transaction ids are visible to the running query; translated by
    /// each engine's context (see <see cref="CustomerDbContext.VisibleTransactionsBound"/>), never run here.
    /// </summary>
    public static long VisibleBelow() =>
        throw new InvalidOperationException("Only a database query can say which transactions have ended.");

    /// <summary>
    /// The participant's last position, 0 when it has no event yet; for the engines that number under
    /// a lock, where every transaction id is 0. Saying so lets the index on (participant, transaction
    /// id, position) give the last position at once, rather than scan the participant's events.
    /// </summary>
    public static async Task<long> LastAsync(CustomerDbContext context, string participantId, CancellationToken cancellationToken) =>
        await Last(context, participantId, cancellationToken) ?? 0;
}
