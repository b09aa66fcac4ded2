using CustomerService.Application.Common.Abstractions;

namespace CustomerService.Application.UnitTests.Customers;

public sealed class CustomerCursorTests
{
    [Test]
    public void Encoded_cursor_decodes_to_the_same_position()
    {
        var cursor = new CustomerCursor(new DateTime(2026, 11, 25, 12, 34, 56, 789, DateTimeKind.Utc), Guid.CreateVersion7());

        var decoded = CustomerCursor.TryDecode(cursor.Encode(), out var result);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.True);
            Assert.That(result, Is.EqualTo(cursor));
            Assert.That(result!.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public void Encoded_cursor_is_url_safe()
    {
        var token = new CustomerCursor(DateTime.MaxValue, Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff")).Encode();

        Assert.That(token, Does.Match("^[A-Za-z0-9_-]+$"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not base64 at all")]
    [TestCase("AAAAAAAAAAAAAAAA")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("__________________________________")]
    public void Malformed_token_does_not_decode(string? token)
    {
        Assert.That(CustomerCursor.TryDecode(token, out _), Is.False);
    }

    [Test]
    public void Overlong_token_does_not_decode()
    {
        Assert.That(CustomerCursor.TryDecode(new string('A', 5000), out _), Is.False);
    }
}
