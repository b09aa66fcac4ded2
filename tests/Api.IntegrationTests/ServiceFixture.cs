namespace CustomerService.Api.IntegrationTests;

/// <summary>A fixture that owns one running service on a database of its own for all its tests.</summary>
public abstract class ServiceFixture
{
    protected CustomerServiceFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartService()
    {
        Factory = CreateFactory();
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopService()
    {
        Client.Dispose();
        Factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(Factory.Database);
    }

    /// <summary>The service this fixture talks to; a fixture overrides it to set a clock or participant.</summary>
    protected virtual CustomerServiceFactory CreateFactory() => new();
}
