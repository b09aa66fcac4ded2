using CustomerService.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public const string PositionIndex = "IX_Events_ParticipantId_TransactionId_Position";

    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("Events");
        builder.HasKey(stored => stored.Id);
        builder.Property(stored => stored.Id).ValueGeneratedNever();
        builder.Property(stored => stored.ParticipantId).HasMaxLength(128).IsRequired();
        builder.Property(stored => stored.Type).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(stored => stored.OccurredAt).IsRequired();
        builder.Property(stored => stored.Body).IsRequired();

        // The feed reads in this order; the index also makes a place impossible to give twice.
        builder.HasIndex(stored => new { stored.ParticipantId, stored.TransactionId, stored.Position })
            .IsUnique()
            .HasDatabaseName(PositionIndex);

        // One customer's history.
        builder.HasIndex(stored => new { stored.ParticipantId, stored.CustomerId, stored.TransactionId, stored.Position });
    }
}
