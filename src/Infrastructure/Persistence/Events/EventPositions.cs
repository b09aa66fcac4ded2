using Microsoft.EntityFrameworkCore;

namespace CustomerService.Infrastructure.Persistence.Events;

/// <summary>
/// Positions order a participant's feed. They are given under the participant's event lock (see
/// <see cref="CustomerDbContext.LockEventPositionsAsync"/>), which is held until the transaction
/// ends; so a transaction that takes a later position commits after the one that took the earlier,
/// and a reader that has seen position n has seen every position before it, whatever order the
/// writers' transactions began in.
/// </summary>
internal static class EventPositions
{
    private static readonly Func<CustomerDbContext, string, CancellationToken, Task<long?>> Last =
        EF.CompileAsyncQuery((CustomerDbContext context, string participantId, CancellationToken _) =>
            context.Events.IgnoreQueryFilters()
                .Where(stored => stored.ParticipantId == participantId)
                .Max(stored => (long?)stored.Position));

    /// <summary>The participant's last position, 0 when it has no event yet.</summary>
    public static async Task<long> LastAsync(CustomerDbContext context, string participantId, CancellationToken cancellationToken) =>
        await Last(context, participantId, cancellationToken) ?? 0;
}
