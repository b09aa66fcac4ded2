using AutoMapper;
using CustomerService.Domain.Customers;

namespace CustomerService.Application.Customers;

/// <summary>
/// Maps our own flat entities to DTOs only (never request objects). MaxDepth bounds the nested
/// account maps, so no object graph can make mapping recurse without end.
/// </summary>
public sealed class CustomerMappingProfile : Profile
{
    public CustomerMappingProfile()
    {
        CreateMap<Account, AccountDto>().MaxDepth(1);
        CreateMap<Customer, CustomerDto>().MaxDepth(2);
    }
}
