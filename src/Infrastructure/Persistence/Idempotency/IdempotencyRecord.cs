namespace CustomerService.Infrastructure.Persistence.Idempotency;

/// <summary>
/// One idempotency key of one participant. While <see cref="CompletedAt"/> is null the request that
/// claimed it is running (until <see cref="LockedUntil"/>, after which it is presumed dead and the key
/// may be claimed again); once completed, the stored answer is replayed until <see cref="ExpiresAt"/>.
/// </summary>
internal sealed class IdempotencyRecord
{
    public required string ParticipantId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 (hex) of the request's method, path and body.</summary>
    public required string Fingerprint { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime LockedUntil { get; set; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? CompletedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[]? Body { get; set; }
}
