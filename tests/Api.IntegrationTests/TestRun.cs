namespace CustomerService.Api.IntegrationTests;

/// <summary>Once the whole run is over, nothing it made is left behind on the test server or disk.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public void DropLeftDatabases() => Engine.DeleteLeftDatabases();
}
