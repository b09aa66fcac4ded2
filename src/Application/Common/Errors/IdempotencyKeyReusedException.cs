namespace CustomerService.Application.Common.Errors;

/// <summary>An idempotency key sent again with a different request (method, path or body).</summary>
public sealed class IdempotencyKeyReusedException() : ApplicationErrorException(ContractErrors.IdempotencyKeyReused);
