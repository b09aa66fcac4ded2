using CustomerService.Application.Common.Abstractions;

namespace CustomerService.Application.UnitTests.Webhooks;

public sealed class WebhookMessageTests
{
    [Test]
    public void Its_text_names_the_delivery_but_shows_neither_secrets_nor_body()
    {
        var message = new WebhookMessage("https://hooks.example.com/x", "evt_1", DateTimeOffset.FromUnixTimeSeconds(1614265330), """{"private":"data"}""", ["whsec_c2VjcmV0"]);

        var text = message.ToString();

        Assert.That(text, Does.Contain("evt_1").And.Contain("1614265330").And.Not.Contain("whsec_").And.Not.Contain("private"));
    }
}
