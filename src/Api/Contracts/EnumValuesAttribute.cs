namespace CustomerService.Api.Contracts;

/// <summary>
/// A request field or query parameter that is a string so that any value reaches validation (and a
/// wrong one is reported as a validation error), but whose valid values are the names of
/// <see cref="EnumType"/> as the domain spells them (<see cref="Domain.Common.EnumNames"/>): the
/// OpenAPI document refers it to that enum's one schema.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class EnumValuesAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}
