namespace CustomerService.Application.Common.Errors;

public sealed class NotFoundException(string message)
    : ApplicationErrorException(ErrorCodes.NotFound, message)
{
    public static NotFoundException Customer() => new("Customer not found.");

    public static NotFoundException Account() => new("Account not found.");

    public static NotFoundException WebhookEndpoint() => new("Webhook endpoint not found.");
}
