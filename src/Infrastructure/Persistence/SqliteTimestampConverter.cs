using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// UTC date-times stored in SQLite as EF Core stores them there (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>),
/// read back as UTC. The text is the same as EF Core's own, so stored rows, ordering and keyset
/// comparisons are unchanged; reading it is parsed digit by digit, where Microsoft.Data.Sqlite's
/// <c>GetDateTime</c> runs the culture-aware <see cref="DateTime.Parse(string, IFormatProvider)"/>, which was about a
/// tenth of the CPU of a full list. Text of any other shape is still read by that general parser.
/// </summary>
internal sealed class SqliteTimestampConverter()
    : ValueConverter<DateTime, string>(
        value => ToText(value),
        text => FromText(text))
{
    private const string Format = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private static string ToText(DateTime value) =>
        (value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime()).ToString(Format, CultureInfo.InvariantCulture);

    private static DateTime FromText(string text) =>
        TryParseStored(text, out var value)
            ? value
            : DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc);

    /// <summary>Reads <c>yyyy-MM-dd HH:mm:ss</c> with an optional fraction of 1 to 7 digits, as UTC.</summary>
    private static bool TryParseStored(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text.Length == 20 || text.Length > 27
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || (text.Length > 19 && text[19] != '.'))
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0;
        if (text.Length > 19)
        {
            var fraction = text[20..];
            if (!TryDigits(fraction, out ticks))
            {
                return false;
            }

            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (digit is < '0' or > '9')
            {
                return false;
            }

            number = (number * 10) + (digit - '0');
        }

        return true;
    }
}
