using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Api.Json;

/// <summary>Timestamps as the contract writes them: UTC, exactly three fractional digits and <c>Z</c>.</summary>
internal sealed class UtcTimestampJsonConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buffer = stackalloc char[24];
        value.ToUniversalTime().TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
