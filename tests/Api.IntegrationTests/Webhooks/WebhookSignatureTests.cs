using CustomerService.Domain.Webhooks;
using CustomerService.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace CustomerService.Api.IntegrationTests.Webhooks;

/// <summary>The <c>webhook-signature</c> header (docs/contract.md, section 9) against the Standard Webhooks specification.</summary>
public sealed class WebhookSignatureTests
{
    [Test]
    public void Signing_reproduces_the_specifications_published_test_vector()
    {
        var signature = WebhookSignature.Compute(
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            DateTimeOffset.FromUnixTimeSeconds(1614265330),
            """{"test": 2432232314}""",
            ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);

        Assert.That(signature, Is.EqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    [Test]
    public void Two_secrets_give_two_space_separated_signatures_the_current_first()
    {
        const string id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(1614265330);
        const string body = """{"test": 2432232314}""";
        var other = WebhookSecret.Generate();

        var signature = WebhookSignature.Compute(id, timestamp, body, [other, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);

        Assert.That(signature, Is.EqualTo($"{WebhookSignature.Compute(id, timestamp, body, [other])} v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    [Test]
    public void The_packages_verifier_accepts_the_signature_and_refuses_a_changed_body()
    {
        var secret = WebhookSecret.Generate();
        var now = DateTimeOffset.UtcNow;
        const string body = """{"type":"customer.created"}""";
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "evt_1",
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSignature.Compute("evt_1", now, body, [secret]),
        };

        Assert.DoesNotThrow(() => new StandardWebhook(secret).Verify(body, headers));
        Assert.That(() => new StandardWebhook(secret).Verify("""{"type":"customer.deleted"}""", headers), Throws.Exception);
    }

    [Test]
    public void A_delivery_is_signed_with_at_least_one_secret() =>
        Assert.That(() => WebhookSignature.Compute("evt_1", DateTimeOffset.UtcNow, "{}", []), Throws.ArgumentException);
}
