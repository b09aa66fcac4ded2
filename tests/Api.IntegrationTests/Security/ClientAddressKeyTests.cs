using System.Net;
using CustomerService.Api.Security;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>Which anonymous bucket a client address draws from.</summary>
public sealed class ClientAddressKeyTests
{
    [TestCase("203.0.113.7", "203.0.113.7")]
    [TestCase("::ffff:203.0.113.7", "203.0.113.7")]
    [TestCase("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    public void An_address_is_keyed_by_its_client(string address, string key) =>
        Assert.That(AnonymousRateLimiter.ClientKey(IPAddress.Parse(address)), Is.EqualTo(key));

    [Test]
    public void Requests_without_an_address_share_one_bucket() =>
        Assert.That(AnonymousRateLimiter.ClientKey(null), Is.EqualTo(AnonymousRateLimiter.UnknownAddress));
}
