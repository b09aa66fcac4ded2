namespace CustomerService.Application.Common.Errors;

/// <summary>The error codes of the HTTP contract (docs/contract.md, section 4).</summary>
public static class ErrorCodes
{
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidJson = "INVALID_JSON";
    public const string UnsupportedApiVersion = "UNSUPPORTED_API_VERSION";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string DuplicateExternalId = "DUPLICATE_EXTERNAL_ID";
    public const string DuplicateAccountAddress = "DUPLICATE_ACCOUNT_ADDRESS";
    public const string CustomerNotActive = "CUSTOMER_NOT_ACTIVE";
    public const string AccountLimitReached = "ACCOUNT_LIMIT_REACHED";
    public const string IdempotencyKeyInUse = "IDEMPOTENCY_KEY_IN_USE";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string PreconditionFailed = "PRECONDITION_FAILED";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RateLimited = "RATE_LIMITED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";

    // Webhook endpoints (docs/contract.md, sections 9 and 10).
    public const string WebhookEndpointLimitReached = "WEBHOOK_ENDPOINT_LIMIT_REACHED";
}
