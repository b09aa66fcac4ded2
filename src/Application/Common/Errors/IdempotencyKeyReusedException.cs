namespace CustomerService.Application.Common.Errors;

/// <summary>An idempotency key sent again with a different request (method, path or body).</summary>
public sealed class IdempotencyKeyReusedException()
    : ApplicationErrorException(
        ErrorCodes.IdempotencyKeyReused,
        "This Idempotency-Key was already used for a different request; use a new key for a new request.");
