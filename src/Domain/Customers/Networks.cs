using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>The rules of a <see cref="Network"/> as a client sends it, by its name (<see cref="EnumNames"/>).</summary>
public static class Networks
{
    public const string FieldName = "network";

    /// <summary>A network the client must send: refused when absent or not one of the names.</summary>
    public static Checked<Network> Check(string? name) => EnumNames.Check<Network>(FieldName, name);
}
