using System.Text.Json;
using CustomerService.Domain.Common;

namespace CustomerService.Api.Json;

/// <summary>
/// Names enum values as the domain spells them (<see cref="EnumNames"/>): the spelling that requests
/// are validated against and metrics are tagged with, so the answers and the OpenAPI document
/// generated from these JSON options cannot spell a value another way.
/// </summary>
internal sealed class EnumNamingPolicy : JsonNamingPolicy
{
    public override string ConvertName(string name) => EnumNames.Spell(name);
}
