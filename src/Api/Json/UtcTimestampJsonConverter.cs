using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Api.Json;

/// <summary>Timestamps as the contract writes them: UTC, exactly three fractional digits and <c>Z</c>. Answers only.</summary>
/// <remarks>
/// Written digit by digit: every customer of a list has two timestamps and each account one, and
/// the custom format string <c>yyyy-MM-dd'T'HH:mm:ss.fff'Z'</c> costs several times as much to apply.
/// </remarks>
internal sealed class UtcTimestampJsonConverter : JsonConverter<DateTime>
{
    private const int Length = 24;

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Timestamps are written, never read, as JSON: no request carries one.");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value, stackalloc byte[Length]));
    }

    /// <summary>Writes the property <paramref name="name"/> with <paramref name="value"/> as its timestamp.</summary>
    internal static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTime value) =>
        writer.WriteString(name, Format(value, stackalloc byte[Length]));

    /// <summary>Writes <paramref name="value"/>, turned to UTC, as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> into <paramref name="text"/>.</summary>
    private static ReadOnlySpan<byte> Format(DateTime value, Span<byte> text)
    {
        var utc = value.ToUniversalTime();
        Digits(text[..4], utc.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), utc.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), utc.Day);
        text[10] = (byte)'T';
        Digits(text.Slice(11, 2), utc.Hour);
        text[13] = (byte)':';
        Digits(text.Slice(14, 2), utc.Minute);
        text[16] = (byte)':';
        Digits(text.Slice(17, 2), utc.Second);
        text[19] = (byte)'.';
        Digits(text.Slice(20, 3), utc.Millisecond);
        text[23] = (byte)'Z';
        return text[..Length];
    }

    /// <summary>Writes <paramref name="number"/> in exactly as many decimal digits as <paramref name="digits"/> holds, zero-padded.</summary>
    private static void Digits(Span<byte> digits, int number)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (byte)('0' + (number % 10));
            number /= 10;
        }
    }
}
