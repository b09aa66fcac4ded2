using System.Net;
using System.Net.Sockets;

namespace CustomerService.Domain.Webhooks;

/// <summary>
/// Which addresses a webhook may be delivered to: public unicast ones only (docs/contract.md,
/// section 9, "Safety"). Loopback, private, link-local, unique-local, carrier-grade NAT, multicast,
/// unspecified, documentation, benchmarking and reserved ranges are not public; an IPv4 address
/// written as IPv6 (<c>::ffff:a.b.c.d</c>) is judged as the IPv4 address it is. This is the one
/// place that says so: registration and every connection a delivery opens ask it.
/// </summary>
public static class NetworkAddresses
{
    /// <summary>IPv4 ranges that are not publicly routable (IANA's special-purpose registry).</summary>
    private static readonly IPNetwork[] NonPublicIPv4 =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network", including the unspecified address
        IPNetwork.Parse("10.0.0.0/8"), // private
        IPNetwork.Parse("100.64.0.0/10"), // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"), // loopback
        IPNetwork.Parse("169.254.0.0/16"), // link-local, cloud metadata services among them
        IPNetwork.Parse("172.16.0.0/12"), // private
        IPNetwork.Parse("192.0.0.0/24"), // protocol assignments
        IPNetwork.Parse("192.0.2.0/24"), // documentation
        IPNetwork.Parse("192.88.99.0/24"), // 6to4 relay anycast
        IPNetwork.Parse("192.168.0.0/16"), // private
        IPNetwork.Parse("198.18.0.0/15"), // benchmarking
        IPNetwork.Parse("198.51.100.0/24"), // documentation
        IPNetwork.Parse("203.0.113.0/24"), // documentation
        IPNetwork.Parse("224.0.0.0/4"), // multicast
        IPNetwork.Parse("240.0.0.0/4"), // reserved, and the broadcast address
    ];

    /// <summary>Global unicast IPv6: everything outside it (loopback, link-local, unique-local, multicast, …) is not public.</summary>
    private static readonly IPNetwork GlobalUnicastIPv6 = IPNetwork.Parse("2000::/3");

    /// <summary>Parts of global unicast IPv6 that are not publicly reachable hosts.</summary>
    private static readonly IPNetwork[] NonPublicIPv6 =
    [
        IPNetwork.Parse("2001::/23"), // protocol assignments, Teredo among them
        IPNetwork.Parse("2001:db8::/32"), // documentation
        IPNetwork.Parse("2002::/16"), // 6to4, which can wrap any IPv4 address
        IPNetwork.Parse("3fff::/20"), // documentation
    ];

    /// <summary>Whether a webhook may be delivered to <paramref name="address"/>.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !Array.Exists(NonPublicIPv4, network => network.Contains(address)),
            AddressFamily.InterNetworkV6 => GlobalUnicastIPv6.Contains(address) && !Array.Exists(NonPublicIPv6, network => network.Contains(address)),
            _ => false,
        };
    }
}
