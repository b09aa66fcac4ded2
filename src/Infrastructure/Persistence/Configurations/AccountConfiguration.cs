using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(account => account.Id);
        builder.Property(account => account.Id).ValueGeneratedNever();
        builder.Property(account => account.Network).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(account => account.Address).HasMaxLength(128).IsRequired();
        builder.Property(account => account.Label).HasMaxLength(100);
        builder.Property(account => account.CreatedAt).IsRequired();
        builder.HasIndex("CustomerId", nameof(Account.CreatedAt));
    }
}
