using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Common.Idempotency;
using CustomerService.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerService.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Idempotency keys in the customer database. A first use is exclusive because the insert of
/// (participant, key) succeeds for exactly one request; every later step is a conditional
/// statement, never a read-then-write.
/// </summary>
internal sealed class EfIdempotencyStore(
    CustomerDbContext context,
    ICurrentParticipant participant,
    TimeProvider clock,
    IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    private readonly IdempotencyOptions _options = options.Value;

    public async Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken)
    {
        // Two rounds at most: an expired or abandoned key found in the first is cleared for the second.
        for (var round = 0; round < 2; round++)
        {
            var now = Now();
            if (await TryInsertAsync(key, fingerprint, now, cancellationToken))
            {
                return new IdempotencyClaim(IdempotencyClaimOutcome.Claimed);
            }

            var existing = await Keys(key).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (existing.ExpiresAt <= now)
            {
                await Keys(key).Where(record => record.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            if (!string.Equals(existing.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return new IdempotencyClaim(IdempotencyClaimOutcome.Mismatch);
            }

            if (existing.CompletedAt is not null)
            {
                return new IdempotencyClaim(
                    IdempotencyClaimOutcome.Replay,
                    new StoredResponse(existing.StatusCode!.Value, existing.ContentType, existing.Location, existing.ETag, existing.Body ?? []));
            }

            if (existing.LockedUntil > now)
            {
                return new IdempotencyClaim(IdempotencyClaimOutcome.InProgress);
            }

            // The request that held the key died without an answer: take it over, unless another retry just did.
            var takenOver = await Keys(key)
                .Where(record => record.CompletedAt == null && record.LockedUntil == existing.LockedUntil)
                .ExecuteUpdateAsync(set => set.SetProperty(record => record.LockedUntil, now + _options.InProgressTimeout), cancellationToken);
            return new IdempotencyClaim(takenOver == 1 ? IdempotencyClaimOutcome.Claimed : IdempotencyClaimOutcome.InProgress);
        }

        return new IdempotencyClaim(IdempotencyClaimOutcome.InProgress);
    }

    public Task CompleteAsync(string key, StoredResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var now = Now();
        return Keys(key)
            .Where(record => record.CompletedAt == null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(record => record.CompletedAt, now)
                    .SetProperty(record => record.StatusCode, response.StatusCode)
                    .SetProperty(record => record.ContentType, response.ContentType)
                    .SetProperty(record => record.Location, response.Location)
                    .SetProperty(record => record.ETag, response.ETag)
                    .SetProperty(record => record.Body, response.Body),
                cancellationToken);
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken) =>
        Keys(key).Where(record => record.CompletedAt == null).ExecuteDeleteAsync(cancellationToken);

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Now();
        return context.IdempotencyKeys.Where(record => record.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> TryInsertAsync(string key, string fingerprint, DateTime now, CancellationToken cancellationToken)
    {
        var record = new IdempotencyRecord
        {
            ParticipantId = participant.Id,
            Key = key,
            Fingerprint = fingerprint,
            CreatedAt = now,
            LockedUntil = now + _options.InProgressTimeout,
            ExpiresAt = now + _options.Retention,
        };
        var entry = context.IdempotencyKeys.Add(record);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueIndexViolations.IsDuplicateKey(exception))
        {
            return false;
        }
        finally
        {
            // The request's own changes are saved by its handler; this record must not ride along.
            entry.State = EntityState.Detached;
        }
    }

    private IQueryable<IdempotencyRecord> Keys(string key)
    {
        var participantId = participant.Id;
        return context.IdempotencyKeys.Where(record => record.ParticipantId == participantId && record.Key == key);
    }

    private DateTime Now() => Timestamps.UtcNow(clock);
}
