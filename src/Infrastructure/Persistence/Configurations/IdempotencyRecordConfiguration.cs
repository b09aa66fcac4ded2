using CustomerService.Infrastructure.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");

        // The key is the participant's: the primary key is what makes a first use exclusive.
        builder.HasKey(record => new { record.ParticipantId, record.Key });
        builder.Property(record => record.ParticipantId).HasMaxLength(128);
        builder.Property(record => record.Key).HasMaxLength(255).IsUnicode(false);
        builder.Property(record => record.Fingerprint).HasMaxLength(64).IsUnicode(false).IsFixedLength().IsRequired();
        builder.Property(record => record.ContentType).HasMaxLength(128);
        builder.Property(record => record.Location).HasMaxLength(512);
        builder.Property(record => record.ETag).HasMaxLength(64);

        // The purge deletes by expiry.
        builder.HasIndex(record => record.ExpiresAt);
    }
}
