namespace CustomerService.Application.Common.Errors;

/// <summary>
/// Raised by the persistence layer when a write found that the row it was changing had been changed
/// by someone else since it was read. Handlers decide whether that is a 412 or a retry.
/// </summary>
public sealed class ConcurrencyConflictException(Exception innerException)
    : Exception("The entity was changed by another writer.", innerException);
