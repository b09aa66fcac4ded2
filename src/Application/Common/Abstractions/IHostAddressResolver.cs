using System.Net;

namespace CustomerService.Application.Common.Abstractions;

/// <summary>Resolves a URL's host to the addresses a connection to it could reach.</summary>
public interface IHostAddressResolver
{
    /// <summary>The host's addresses (an address literal is its own); empty when it does not resolve.</summary>
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}
