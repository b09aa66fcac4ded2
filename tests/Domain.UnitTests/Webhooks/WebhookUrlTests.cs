using CustomerService.Domain.Webhooks;

namespace CustomerService.Domain.UnitTests.Webhooks;

public sealed class WebhookUrlTests
{
    [TestCase("https://hooks.example.com/customer-service")]
    [TestCase("https://hooks.example.com:8443/a?b=c")]
    [TestCase("https://[2606:4700:4700::1111]/hooks")]
    public void A_https_url_is_accepted(string url) =>
        Assert.That(WebhookUrl.FindViolation(url, allowInsecure: false), Is.Null);

    [TestCase(null, "url is required.")]
    [TestCase("", "url is required.")]
    [TestCase("hooks.example.com/x", "url must be an absolute URL.")]
    [TestCase("https://hooks.example.com/a b", "url must be an absolute URL.")]
    [TestCase("http://hooks.example.com/", "url must use https.")]
    [TestCase("ftp://hooks.example.com/", "url must use https.")]
    [TestCase("https://user:pw@hooks.example.com/", "url must not contain a user name or password.")]
    [TestCase("https://hooks.example.com/#part", "url must not contain a fragment.")]
    public void A_url_that_is_not_https_and_plain_is_refused_saying_why(string? url, string message) =>
        Assert.That(WebhookUrl.FindViolation(url, allowInsecure: false), Is.EqualTo(message));

    [Test]
    public void Plain_http_is_accepted_only_where_insecure_urls_are_allowed()
    {
        Assert.That(WebhookUrl.FindViolation("http://localhost:5000/hooks", allowInsecure: true), Is.Null);
        Assert.That(WebhookUrl.FindViolation("ftp://localhost/hooks", allowInsecure: true), Is.EqualTo("url must use https."));
    }

    [Test]
    public void A_url_over_2048_characters_is_refused() =>
        Assert.That(WebhookUrl.FindViolation($"https://hooks.example.com/{new string('a', 2048)}", allowInsecure: false), Does.Contain("2048"));
}
