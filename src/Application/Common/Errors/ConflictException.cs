using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Errors;

/// <summary>The request collides with the current state, e.g. a unique value already taken.</summary>
public sealed class ConflictException(ContractError error, string? message = null)
    : ApplicationErrorException(error, message)
{
    public static ConflictException DuplicateExternalId() => new(ContractErrors.DuplicateExternalId);

    public static ConflictException DuplicateAccountAddress() => new(ContractErrors.DuplicateAccountAddress);

    /// <summary>The domain refused a new account because the customer is not active; its rule says why.</summary>
    public static ConflictException CustomerNotActive(CustomerNotActiveException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new(ContractErrors.CustomerNotActive, refused.Message);
    }

    /// <summary>The domain refused a new account because the customer holds as many as it may; its rule says how many.</summary>
    public static ConflictException AccountLimitReached(AccountLimitReachedException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new(ContractErrors.AccountLimitReached, refused.Message);
    }

    public static ConflictException IdempotencyKeyInUse() => new(ContractErrors.IdempotencyKeyInUse);

    public static ConflictException WebhookEndpointLimitReached(int maxEndpoints) =>
        new(ContractErrors.WebhookEndpointLimitReached, WebhookEndpointLimitMessage(maxEndpoints));

    /// <summary>What <see cref="WebhookEndpointLimitReached"/> says, for the registry's example too.</summary>
    internal static string WebhookEndpointLimitMessage(int maxEndpoints) =>
        $"The participant already has {maxEndpoints} webhook endpoints, the most it may have; delete one first.";
}
