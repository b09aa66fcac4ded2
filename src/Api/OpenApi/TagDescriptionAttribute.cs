namespace CustomerService.Api.OpenApi;

/// <summary>What the operations of a controller (one tag of the OpenAPI document, named after it) are about.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TagDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
