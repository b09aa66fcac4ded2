using System.Text.Json.Serialization;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>A customer as the API returns it.</summary>
public sealed record CustomerDto(
    Guid Id,
    string ExternalId,
    CustomerStatus Status,
    string ParticipantId,
    IReadOnlyList<AccountDto> Accounts,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>The concurrency version the HTTP layer turns into an ETag; not part of the body.</summary>
    [JsonIgnore]
    public int Version { get; init; }
}
