using CustomerService.Api.Errors;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.OpenApi;

/// <summary>
/// An error answer of an operation, with the error body: its status, the contract codes it carries
/// (the document shows the body the service sends for each, as an example) and, in
/// <see cref="ProducesResponseTypeAttribute.Description"/>, what each code means there.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesErrorAttribute : ProducesResponseTypeAttribute
{
    public ProducesErrorAttribute(int statusCode, params string[] codes)
        : base(typeof(ErrorEnvelope), statusCode)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Length == 0)
        {
            throw new ArgumentException("An error answer names at least one contract code.", nameof(codes));
        }

        Codes = codes;
    }

    /// <summary>The contract codes this answer carries, in the order the description names them.</summary>
    public IReadOnlyList<string> Codes { get; }
}
