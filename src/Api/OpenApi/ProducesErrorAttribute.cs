using CustomerService.Api.Errors;
using CustomerService.Application.Common.Errors;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// An error answer of an operation: the errors of <see cref="ContractErrors"/> it carries, all of one
/// status, which the registry gives. The OpenAPI document describes the answer with each error's
/// meaning (or <see cref="Meaning"/>) and shows the body the service sends for each as an example.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesErrorAttribute : ProducesResponseTypeAttribute
{
    /// <param name="errors">The names of the errors in <see cref="ContractErrors"/>: <c>nameof(ContractErrors.NotFound)</c>.</param>
    public ProducesErrorAttribute(params string[] errors)
        : this([.. (errors ?? throw new ArgumentNullException(nameof(errors))).Select(ContractErrors.Named)])
    {
    }

    internal ProducesErrorAttribute(params ContractError[] errors)
        : base(typeof(ErrorEnvelope), StatusOf(errors))
    {
        Errors = errors;
    }

    /// <summary>The errors this answer carries, in the order its description names them.</summary>
    public IReadOnlyList<ContractError> Errors { get; }

    /// <summary>What the one error of this answer means for this operation, in place of its general meaning.</summary>
    public string? Meaning { get; set; }

    /// <summary>Each error of this answer with what it means for the operation.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Meaning"/> is set on an answer of several errors.</exception>
    internal IEnumerable<(ContractError Error, string Meaning)> Meanings() =>
        Meaning is null
            ? Errors.Select(error => (error, error.Meaning))
            : Errors.Count == 1
                ? [(Errors[0], Meaning)]
                : throw new InvalidOperationException($"{nameof(Meaning)} is the meaning of one error; declare {string.Join(", ", Errors)} one attribute each.");

    private static int StatusOf(ContractError[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var statuses = errors.Select(error => error.Status).Distinct().ToList();
        return statuses.Count == 1
            ? statuses[0]
            : throw new ArgumentException($"An error answer names at least one error, all of one status: {string.Join(", ", errors.Select(error => $"{error} ({error.Status})"))}.", nameof(errors));
    }
}
