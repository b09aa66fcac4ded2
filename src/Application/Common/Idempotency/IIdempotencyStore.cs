namespace CustomerService.Application.Common.Idempotency;

/// <summary>
/// The current participant's idempotency keys: who holds a key, for which request, and the answer
/// that request got. Kept in the database, so keys hold across restarts and instances.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for the request whose fingerprint is given: the key is the
    /// caller's to execute under (<see cref="IdempotencyClaimOutcome.Claimed"/>), or it already
    /// answered that request (<see cref="IdempotencyClaimOutcome.Replay"/>), or another request holds
    /// it right now, or it was used for a different request.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, CancellationToken cancellationToken);

    /// <summary>Stores the answer of a claimed key, to be replayed until the key expires.</summary>
    Task CompleteAsync(string key, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Gives a claimed key up (the request created nothing), so that a retry executes again.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every participant's expired keys; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

public enum IdempotencyClaimOutcome
{
    Claimed,
    Replay,
    InProgress,
    Mismatch,
}

/// <summary>The outcome of a claim; <see cref="Response"/> is set for a replay.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimOutcome Outcome, StoredResponse? Response = null);

/// <summary>An answer as it is replayed: status, the headers that identify what was created, and the body.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);
