using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>Stores UTC date-times as they are and marks the values read back as UTC.</summary>
internal sealed class UtcDateTimeConverter()
    : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
