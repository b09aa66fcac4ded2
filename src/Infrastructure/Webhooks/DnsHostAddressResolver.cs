using System.Net;
using System.Net.Sockets;
using CustomerService.Application.Common.Abstractions;

namespace CustomerService.Infrastructure.Webhooks;

/// <summary>Resolves hosts through the system's resolver (DNS, the hosts file).</summary>
internal sealed class DnsHostAddressResolver : IHostAddressResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
