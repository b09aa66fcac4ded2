using System.Net;
using CustomerService.Domain.Webhooks;

namespace CustomerService.Domain.UnitTests.Webhooks;

public sealed class NetworkAddressesTests
{
    [TestCase("8.8.8.8")]
    [TestCase("1.1.1.1")]
    [TestCase("93.184.215.14")]
    [TestCase("100.63.255.255", TestName = "Just below carrier-grade NAT is public")]
    [TestCase("100.128.0.0", TestName = "Just above carrier-grade NAT is public")]
    [TestCase("172.15.255.255", TestName = "Just below 172.16/12 is public")]
    [TestCase("172.32.0.0", TestName = "Just above 172.16/12 is public")]
    [TestCase("223.255.255.255", TestName = "The last address below multicast is public")]
    [TestCase("2606:4700:4700::1111")]
    [TestCase("2a00:1450:4001:80b::200e")]
    [TestCase("::ffff:8.8.8.8", TestName = "A public IPv4 address written as IPv6 is public")]
    public void Public_unicast_addresses_are_public(string address) =>
        Assert.That(NetworkAddresses.IsPublic(IPAddress.Parse(address)), Is.True);

    [TestCase("0.0.0.0", TestName = "IPv4 unspecified")]
    [TestCase("0.1.2.3", TestName = "IPv4 this network")]
    [TestCase("127.0.0.1", TestName = "IPv4 loopback")]
    [TestCase("127.255.255.254", TestName = "IPv4 loopback, the end of the range")]
    [TestCase("10.0.0.1", TestName = "IPv4 private 10/8")]
    [TestCase("172.16.0.1", TestName = "IPv4 private 172.16/12")]
    [TestCase("172.31.255.255", TestName = "IPv4 private 172.16/12, the end of the range")]
    [TestCase("192.168.1.1", TestName = "IPv4 private 192.168/16")]
    [TestCase("169.254.169.254", TestName = "IPv4 link-local, the cloud metadata address")]
    [TestCase("100.64.0.1", TestName = "IPv4 carrier-grade NAT")]
    [TestCase("100.127.255.255", TestName = "IPv4 carrier-grade NAT, the end of the range")]
    [TestCase("192.0.0.8", TestName = "IPv4 protocol assignments")]
    [TestCase("192.0.2.1", TestName = "IPv4 documentation 1")]
    [TestCase("198.51.100.1", TestName = "IPv4 documentation 2")]
    [TestCase("203.0.113.1", TestName = "IPv4 documentation 3")]
    [TestCase("198.18.0.1", TestName = "IPv4 benchmarking")]
    [TestCase("192.88.99.1", TestName = "IPv4 6to4 relay")]
    [TestCase("224.0.0.1", TestName = "IPv4 multicast")]
    [TestCase("239.255.255.250", TestName = "IPv4 multicast, SSDP")]
    [TestCase("240.0.0.1", TestName = "IPv4 reserved")]
    [TestCase("255.255.255.255", TestName = "IPv4 broadcast")]
    [TestCase("::", TestName = "IPv6 unspecified")]
    [TestCase("::1", TestName = "IPv6 loopback")]
    [TestCase("fe80::1", TestName = "IPv6 link-local")]
    [TestCase("fc00::1", TestName = "IPv6 unique-local fc00")]
    [TestCase("fd12:3456:789a::1", TestName = "IPv6 unique-local fd00")]
    [TestCase("fec0::1", TestName = "IPv6 site-local")]
    [TestCase("ff02::1", TestName = "IPv6 multicast")]
    [TestCase("2001:db8::1", TestName = "IPv6 documentation")]
    [TestCase("3fff::1", TestName = "IPv6 documentation 3fff")]
    [TestCase("2001::1", TestName = "IPv6 Teredo")]
    [TestCase("2002:7f00:1::", TestName = "IPv6 6to4")]
    [TestCase("64:ff9b::7f00:1", TestName = "IPv6 NAT64 of loopback")]
    [TestCase("100::1", TestName = "IPv6 discard")]
    [TestCase("::ffff:127.0.0.1", TestName = "IPv4-mapped loopback")]
    [TestCase("::ffff:10.0.0.1", TestName = "IPv4-mapped private")]
    [TestCase("::ffff:169.254.169.254", TestName = "IPv4-mapped link-local")]
    [TestCase("::127.0.0.1", TestName = "IPv4-compatible loopback")]
    public void Non_public_addresses_are_not_public(string address) =>
        Assert.That(NetworkAddresses.IsPublic(IPAddress.Parse(address)), Is.False);
}
