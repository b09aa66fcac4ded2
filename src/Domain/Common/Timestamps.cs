namespace CustomerService.Domain.Common;

/// <summary>
/// The domain keeps time in UTC at millisecond precision, so a value read back from storage is
/// exactly the value that was returned when it was written.
/// </summary>
public static class Timestamps
{
    public static DateTime UtcNow(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime);
    }

    public static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
