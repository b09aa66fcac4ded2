using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Errors;

/// <summary>The request collides with the current state, e.g. a unique value already taken.</summary>
public sealed class ConflictException(string code, string message)
    : ApplicationErrorException(code, message)
{
    public static ConflictException DuplicateExternalId() =>
        new(ErrorCodes.DuplicateExternalId, "A customer with this externalId already exists.");

    public static ConflictException DuplicateAccountAddress() =>
        new(ErrorCodes.DuplicateAccountAddress, "An account with this address on this network is already registered.");

    /// <summary>The domain refused a new account because the customer is not active; its rule says why.</summary>
    public static ConflictException CustomerNotActive(CustomerNotActiveException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new(ErrorCodes.CustomerNotActive, refused.Message);
    }

    /// <summary>The domain refused a new account because the customer holds as many as it may; its rule says how many.</summary>
    public static ConflictException AccountLimitReached(AccountLimitReachedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new(ErrorCodes.AccountLimitReached, refused.Message);
    }

    public static ConflictException IdempotencyKeyInUse() =>
        new(ErrorCodes.IdempotencyKeyInUse, "A request with this Idempotency-Key is still being processed; retry later.");

    public static ConflictException WebhookEndpointLimitReached(int maxEndpoints) =>
        new(ErrorCodes.WebhookEndpointLimitReached, $"The participant already has {maxEndpoints} webhook endpoints, the most it may have; delete one first.");
}
