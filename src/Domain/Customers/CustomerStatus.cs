namespace CustomerService.Domain.Customers;

public enum CustomerStatus
{
    Active,
    Inactive,
    Deleted,
    Suspended,
}
