using System.Buffers.Binary;
using System.Buffers.Text;
using CustomerService.Application.Customers;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>
/// A position in the customer list (creation time, id). Clients see it only as an opaque,
/// URL-safe token.
/// </summary>
public sealed record CustomerCursor(DateTime CreatedAt, Guid Id)
{
    private const int TicksLength = sizeof(long);
    private const int EncodedLength = TicksLength + 16;

    public static CustomerCursor After(CustomerDto customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new CustomerCursor(customer.CreatedAt, customer.Id);
    }

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[EncodedLength];
        BinaryPrimitives.WriteInt64BigEndian(bytes, CreatedAt.Ticks);
        Id.TryWriteBytes(bytes[TicksLength..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? token, out CustomerCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[48];
        if (Base64Url.DecodeFromChars(token, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != token.Length
            || written != EncodedLength)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        cursor = new CustomerCursor(
            new DateTime(ticks, DateTimeKind.Utc),
            new Guid(bytes.Slice(TicksLength, 16), bigEndian: true));
        return true;
    }
}
