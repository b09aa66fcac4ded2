using CustomerService.Domain.Webhooks;
using CustomerService.Infrastructure.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public const int MaxErrorLength = 200;

    public void Configure(EntityTypeBuilder<WebhookAttempt> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.HasKey(attempt => attempt.Id);
        builder.Property(attempt => attempt.Id).ValueGeneratedNever();
        builder.Property(attempt => attempt.ParticipantId).HasMaxLength(128).IsRequired();
        builder.Property(attempt => attempt.EventType).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(attempt => attempt.Error).HasMaxLength(MaxErrorLength);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(attempt => attempt.EndpointId).OnDelete(DeleteBehavior.Cascade);

        // Newest first, per endpoint.
        builder.HasIndex(attempt => new { attempt.EndpointId, attempt.AttemptedAt, attempt.Id });

        // What the retention deletes, oldest first.
        builder.HasIndex(attempt => attempt.AttemptedAt);
    }
}
