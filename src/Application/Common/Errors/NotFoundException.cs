namespace CustomerService.Application.Common.Errors;

/// <summary>The participant has no such customer, or the customer no such account.</summary>
public sealed class NotFoundException(string message)
    : ApplicationErrorException(ContractErrors.NotFound, message)
{
    internal const string CustomerNotFound = "Customer not found.";

    public static NotFoundException Customer() => new(CustomerNotFound);

    public static NotFoundException Account() => new("Account not found.");

    public static NotFoundException WebhookEndpoint() => new("Webhook endpoint not found.");
}
