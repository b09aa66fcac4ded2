using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public const string CustomerIdColumn = "CustomerId";

    /// <summary>
    /// The owning participant, kept on the account row too so that (participant, network, address)
    /// can be one unique index; set by the context, never by the domain.
    /// </summary>
    public const string ParticipantIdColumn = "ParticipantId";

    public const string AddressIndex = "IX_Accounts_ParticipantId_Network_Address";

    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.HasKey(account => account.Id);
        builder.Property(account => account.Id).ValueGeneratedNever();
        builder.Property<string>(ParticipantIdColumn).HasMaxLength(128).IsRequired();
        builder.Property(account => account.Network).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(account => account.Address).HasMaxLength(128).IsRequired();
        builder.Property(account => account.Label).HasMaxLength(Account.MaxLabelLength);
        builder.Property(account => account.CreatedAt).IsRequired();

        builder.HasIndex(ParticipantIdColumn, nameof(Account.Network), nameof(Account.Address))
            .IsUnique()
            .HasDatabaseName(AddressIndex);
        // A customer's accounts, oldest first. The participant is the second column so that the
        // accounts of a listed customer are found by both values the query has for them (its id and
        // the participant filter): given only one column that matches, SQLite may take the address
        // index for the participant instead, and read all the participant's accounts per customer.
        builder.HasIndex(CustomerIdColumn, ParticipantIdColumn, nameof(Account.CreatedAt));
    }
}
