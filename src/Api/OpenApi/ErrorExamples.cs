using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;

namespace CustomerService.Api.OpenApi;

/// <summary>The error answers of the OpenAPI document, as the registry of the contract's errors declares them.</summary>
internal static class ErrorExamples
{
    /// <summary>"<c>CODE</c>: meaning" for each error, as the description of the answer that carries them.</summary>
    public static string Description(IEnumerable<(ContractError Error, string Meaning)> errors) =>
        string.Join("; ", errors.Select(error => $"`{error.Error.Code}`: {error.Meaning}")) + ".";

    /// <summary>The example body of each of <paramref name="errors"/>, in their order.</summary>
    public static IReadOnlyList<(string Code, JsonNode Body)> For(IEnumerable<ContractError> errors) =>
        [.. errors.Select(error => (error.Code, Body(ApiErrors.ExampleOf(error))))];

    /// <summary>The error body that carries <paramref name="error"/>, as JSON.</summary>
    public static JsonNode Body(ApiError error) =>
        JsonSerializer.SerializeToNode(new ErrorEnvelope(error), ErrorJsonContext.Default.ErrorEnvelope)!;
}
