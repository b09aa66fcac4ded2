using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.Errors;

/// <summary>The contract's error body: <c>{ "error": { "code", "message", "details": [...] } }</c>.</summary>
public sealed record ErrorEnvelope(ApiError Error);

/// <summary>What went wrong: a contract code, a sentence for people and the fields at fault.</summary>
public sealed record ApiError(string Code, string Message, IReadOnlyList<FieldError> Details);
