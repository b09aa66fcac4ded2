using System.Text.Json.Serialization;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>A blockchain account as the API returns it; <c>label</c> is omitted when absent.</summary>
public sealed record AccountDto(
    Guid Id,
    Network Network,
    string Address,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
    DateTime CreatedAt);
