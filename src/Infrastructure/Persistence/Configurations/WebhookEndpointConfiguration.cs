using CustomerService.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public const string ListOrderIndex = "IX_WebhookEndpoints_ParticipantId_CreatedAt_Id";

    /// <summary>Room for every event type's name, space-separated, and for types added later.</summary>
    private const int EventTypesMaxLength = 256;

    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.HasKey(endpoint => endpoint.Id);
        builder.Property(endpoint => endpoint.Id).ValueGeneratedNever();
        builder.Property(endpoint => endpoint.ParticipantId).HasMaxLength(128).IsRequired();
        builder.Property(endpoint => endpoint.Url).HasMaxLength(WebhookUrl.MaxLength).IsRequired();

        // The types, space-separated in the contract's order: a list of a few fixed names needs no table.
        builder.Property(endpoint => endpoint.EventTypes)
            .HasConversion(
                types => string.Join(' ', types),
                column => column.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                new ValueComparer<IReadOnlyList<string>>(
                    (left, right) => left!.SequenceEqual(right!),
                    types => types.Aggregate(0, (hash, type) => HashCode.Combine(hash, type.GetHashCode(StringComparison.Ordinal))),
                    types => types.ToArray()))
            .HasMaxLength(EventTypesMaxLength)
            .IsUnicode(false)
            .IsRequired();
        builder.Property(endpoint => endpoint.Description).HasMaxLength(WebhookEndpoint.MaxDescriptionLength);
        builder.Property(endpoint => endpoint.Enabled).IsRequired();
        builder.Property(endpoint => endpoint.DisabledReason).HasMaxLength(WebhookEndpoint.MaxDisabledReasonLength);
        builder.Property(endpoint => endpoint.CreatedAt).IsRequired();
        builder.Property(endpoint => endpoint.UpdatedAt).IsRequired();
        builder.Property(endpoint => endpoint.Version).IsConcurrencyToken();

        // The secrets are kept as issued, because signing needs them (docs/decisions/0019).
        builder.Property(endpoint => endpoint.Secret).HasMaxLength(WebhookSecret.Length).IsUnicode(false).IsRequired();
        builder.Property(endpoint => endpoint.PreviousSecret).HasMaxLength(WebhookSecret.Length).IsUnicode(false);
        builder.Property(endpoint => endpoint.PreviousSecretExpiresAt);

        // The list is read in this order, and the limit counts by participant.
        builder.HasIndex(endpoint => new { endpoint.ParticipantId, endpoint.CreatedAt, endpoint.Id })
            .HasDatabaseName(ListOrderIndex);
    }
}
