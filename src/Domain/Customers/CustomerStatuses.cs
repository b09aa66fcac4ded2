using CustomerService.Domain.Common;

namespace CustomerService.Domain.Customers;

/// <summary>The rules of a <see cref="CustomerStatus"/> as a client sends it, by its name (<see cref="EnumNames"/>).</summary>
public static class CustomerStatuses
{
    public const string FieldName = "status";

    /// <summary>A status the client must send: refused when absent or not one of the names.</summary>
    public static Checked<CustomerStatus> Check(string? name) => EnumNames.Check<CustomerStatus>(FieldName, name);

    /// <summary>A status the client may leave out (null), as a filter: refused only when it is not one of the names.</summary>
    public static Checked<CustomerStatus?> CheckOptional(string? name) =>
        name is null ? Checked.Accept<CustomerStatus?>(null) : Check(name).Select(status => (CustomerStatus?)status);
}
