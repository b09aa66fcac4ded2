using System.Globalization;
using System.Reflection;
using CustomerService.Application.Customers.AddAccount;
using CustomerService.Application.Webhooks;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Common.Errors;

/// <summary>
/// The registry of the contract's errors (docs/contract.md, section 4): each error is declared here
/// once, and everything else (the status of an answer, the body of a bare status, the OpenAPI
/// document's descriptions and examples) is derived from these entries. A new error is one entry
/// here, raised with <c>new ApplicationErrorException(ContractErrors.TheError)</c> and declared on the
/// actions that answer with it with <c>[ProducesError(nameof(ContractErrors.TheError))]</c>.
/// </summary>
public static class ContractErrors
{
    public static readonly ContractError ValidationError = new(
        "VALIDATION_ERROR",
        400,
        "The request is not valid.",
        "a path, query or body value is missing or invalid, and `details` names each field")
    {
        AnswersBareStatus = true,
        ExampleMessage = RequestValidationException.ValidationFailed,
        ExampleDetails = [new FieldError("externalId", "externalId is required.")],
    };

    public static readonly ContractError InvalidJson = new(
        "INVALID_JSON",
        400,
        "The request body is not valid JSON.",
        "the body cannot be parsed as JSON, or is empty where a body is needed");

    public static readonly ContractError UnsupportedApiVersion = new(
        "UNSUPPORTED_API_VERSION",
        400,
        "The API version in the URL is not supported. Supported versions: 1.",
        "the URL asks for an API version that does not exist");

    public static readonly ContractError Unauthorized = new(
        "UNAUTHORIZED",
        401,
        "A valid bearer token is required.",
        "no token, or one that is malformed, expired, unsigned or names no participant")
    {
        AnswersBareStatus = true,
    };

    public static readonly ContractError Forbidden = new(
        "FORBIDDEN",
        403,
        "The token does not grant the scope this operation needs.",
        "the token lacks the scope this operation needs")
    {
        AnswersBareStatus = true,
    };

    public static readonly ContractError NotFound = new(
        "NOT_FOUND",
        404,
        "No resource exists at this path.",
        "the participant has no such customer or account, or the path does not exist")
    {
        AnswersBareStatus = true,
        ExampleMessage = NotFoundException.CustomerNotFound,
    };

    public static readonly ContractError MethodNotAllowed = new(
        "METHOD_NOT_ALLOWED",
        405,
        "This method is not allowed on this resource.",
        "the path does not serve this method; `Allow` names those it serves")
    {
        AnswersBareStatus = true,
    };

    public static readonly ContractError DuplicateExternalId = new(
        "DUPLICATE_EXTERNAL_ID",
        409,
        "A customer with this externalId already exists.",
        "the participant already has a customer with this externalId");

    public static readonly ContractError DuplicateAccountAddress = new(
        "DUPLICATE_ACCOUNT_ADDRESS",
        409,
        "An account with this address on this network is already registered.",
        "the participant already has this address on this network");

    public static readonly ContractError CustomerNotActive = new(
        "CUSTOMER_NOT_ACTIVE",
        409,
        "Only an active customer can be given new accounts.",
        "the customer is not active")
    {
        ExampleMessage = new CustomerNotActiveException(CustomerStatus.Suspended).Message,
    };

    public static readonly ContractError AccountLimitReached = new(
        "ACCOUNT_LIMIT_REACHED",
        409,
        "The customer already has as many accounts as one customer may hold.",
        string.Create(
            CultureInfo.InvariantCulture,
            $"the customer already holds as many accounts as one may (`{AccountLimitOptions.SectionName}:{nameof(AccountLimitOptions.AccountsPerCustomer)}`, {new AccountLimitOptions().AccountsPerCustomer:N0} by default)"))
    {
        ExampleMessage = new AccountLimitReachedException(new AccountLimitOptions().AccountsPerCustomer).Message,
    };

    public static readonly ContractError WebhookEndpointLimitReached = new(
        "WEBHOOK_ENDPOINT_LIMIT_REACHED",
        409,
        "The participant already has as many webhook endpoints as it may have.",
        string.Create(
            CultureInfo.InvariantCulture,
            $"the participant already has as many webhook endpoints as it may (`{WebhookOptions.SectionName}:{nameof(WebhookOptions.MaxEndpoints)}`, {new WebhookOptions().MaxEndpoints} by default)"))
    {
        ExampleMessage = ConflictException.WebhookEndpointLimitMessage(new WebhookOptions().MaxEndpoints),
    };

    public static readonly ContractError IdempotencyKeyInUse = new(
        "IDEMPOTENCY_KEY_IN_USE",
        409,
        "A request with this Idempotency-Key is still being processed; retry later.",
        "a request with this `Idempotency-Key` is still running");

    public static readonly ContractError IdempotencyKeyReused = new(
        "IDEMPOTENCY_KEY_REUSED",
        422,
        "This Idempotency-Key was already used for a different request; use a new key for a new request.",
        "this `Idempotency-Key` was used for a different request (method, path or body)");

    public static readonly ContractError PreconditionFailed = new(
        "PRECONDITION_FAILED",
        412,
        "The customer has changed since the version named in If-Match; read it again and retry.",
        "`If-Match` names a version that is no longer current");

    public static readonly ContractError PayloadTooLarge = new(
        "PAYLOAD_TOO_LARGE",
        413,
        "The request body is too large.",
        "the body is larger than the service accepts")
    {
        AnswersBareStatus = true,
    };

    public static readonly ContractError UnsupportedMediaType = new(
        "UNSUPPORTED_MEDIA_TYPE",
        415,
        "The request body must be sent as application/json.",
        "the body is not `application/json`")
    {
        AnswersBareStatus = true,
    };

    public static readonly ContractError RateLimited = new(
        "RATE_LIMITED",
        429,
        "Too many requests; retry later.",
        "over the participant's request rate, or (a request refused before a participant is known) over the client address's rate; retry after `Retry-After` seconds")
    {
        AnswersBareStatus = true,
    };

    public static readonly ContractError InternalError = new(
        "INTERNAL_ERROR",
        500,
        "An unexpected error occurred.",
        "something unexpected; quote the `X-Request-Id`")
    {
        AnswersBareStatus = true,
    };

    public static readonly ContractError ServiceUnavailable = new(
        "SERVICE_UNAVAILABLE",
        503,
        "The service is temporarily unavailable; retry later.",
        "the database cannot be reached; retry after `Retry-After` seconds")
    {
        AnswersBareStatus = true,
    };

    private static readonly Dictionary<string, ContractError> ByName = typeof(ContractErrors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(ContractError))
        .ToDictionary(field => field.Name, field => (ContractError)field.GetValue(null)!, StringComparer.Ordinal);

    /// <summary>Every error of the contract.</summary>
    public static IReadOnlyList<ContractError> All { get; } = [.. ByName.Values];

    /// <summary>The error declared above as <paramref name="name"/> (pass it with <c>nameof</c>).</summary>
    /// <exception cref="ArgumentException">No error is declared with that name.</exception>
    public static ContractError Named(string name) =>
        ByName.TryGetValue(name, out var error)
            ? error
            : throw new ArgumentException($"No contract error is declared as {nameof(ContractErrors)}.{name}.", nameof(name));
}
