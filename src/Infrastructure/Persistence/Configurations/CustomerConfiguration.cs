using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public const string ExternalIdIndex = "IX_Customers_ParticipantId_ExternalId";
    public const string ListOrderIndex = "IX_Customers_ParticipantId_CreatedAt_Id";

    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(customer => customer.Id);
        builder.Property(customer => customer.Id).ValueGeneratedNever();
        builder.Property(customer => customer.ParticipantId).HasMaxLength(128).IsRequired();
        builder.Property(customer => customer.ExternalId).HasMaxLength(ExternalId.MaxLength).IsRequired();
        builder.Property(customer => customer.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(customer => customer.CreatedAt).IsRequired();
        builder.Property(customer => customer.UpdatedAt).IsRequired();
        builder.Property(customer => customer.Version).IsConcurrencyToken();

        // externalId is unique per participant, compared exactly: SQLite compares text byte-wise and
        // the SQL Server context gives these columns a binary collation.
        builder.HasIndex(customer => new { customer.ParticipantId, customer.ExternalId })
            .IsUnique()
            .HasDatabaseName(ExternalIdIndex);

        // The list is keyset-paged in this order.
        builder.HasIndex(customer => new { customer.ParticipantId, customer.CreatedAt, customer.Id })
            .HasDatabaseName(ListOrderIndex);

        builder.HasMany(customer => customer.Accounts)
            .WithOne()
            .HasForeignKey(AccountConfiguration.CustomerIdColumn)
            .IsRequired()
            .OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(customer => customer.PendingEvents);
        builder.Navigation(customer => customer.Accounts)
            .HasField("_accounts")
            .UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
