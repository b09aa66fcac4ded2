using CustomerService.Application.Common.Abstractions;

namespace CustomerService.Api.Tenancy;

/// <summary>
/// Until callers are authenticated, every request acts for the participant named by
/// <c>Tenancy:DefaultParticipantId</c>.
/// </summary>
internal sealed class ConfiguredParticipant(IConfiguration configuration) : ICurrentParticipant
{
    public const string ConfigurationKey = "Tenancy:DefaultParticipantId";

    public string Id { get; } = configuration[ConfigurationKey] is { Length: > 0 } id
        ? id
        : throw new InvalidOperationException($"{ConfigurationKey} must be set.");
}
