namespace CustomerService.Api.OpenApi;

/// <summary>
/// The values a whole-number parameter takes, for the OpenAPI document: its schema's minimum and
/// maximum. It documents the bounds the request's validator enforces and enforces nothing itself
/// (a validation attribute would answer a value out of range with the framework's message).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ValueRangeAttribute(int minimum, int maximum) : Attribute
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;
}
