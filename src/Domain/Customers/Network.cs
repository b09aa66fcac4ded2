namespace CustomerService.Domain.Customers;

/// <summary>The blockchain networks an account can be registered on.</summary>
public enum Network
{
    Ethereum,
    Polygon,
    Arbitrum,
    Optimism,
    Base,
    Avalanche,
    Bsc,
    Solana,
    Bitcoin,
}
