using CustomerService.Domain.Webhooks;
using CustomerService.Infrastructure.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(delivery => delivery.Id);
        builder.Property(delivery => delivery.Id).ValueGeneratedNever();
        builder.Property(delivery => delivery.ParticipantId).HasMaxLength(128).IsRequired();
        builder.Property(delivery => delivery.LeaseOwner).HasMaxLength(64).IsUnicode(false).IsConcurrencyToken();

        // Deleting an endpoint drops what it is still owed (docs/contract.md, section 9).
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(delivery => delivery.EndpointId).OnDelete(DeleteBehavior.Cascade);

        // An event is owed to an endpoint once.
        builder.HasIndex(delivery => new { delivery.EndpointId, delivery.EventId }).IsUnique();

        // A customer's deliveries to an endpoint, which keep their events' feed order.
        builder.HasIndex(delivery => new { delivery.EndpointId, delivery.CustomerId });

        // What is due.
        builder.HasIndex(delivery => delivery.NextAttemptAt);
    }
}
