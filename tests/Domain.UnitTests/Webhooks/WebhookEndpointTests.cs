using CustomerService.Domain.Common;
using CustomerService.Domain.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace CustomerService.Domain.UnitTests.Webhooks;

public sealed class WebhookEndpointTests
{
    private const string Url = "https://hooks.example.com/customer-service";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 11, 18, 12, 0, 0, TimeSpan.Zero));

    [Test]
    public void A_new_endpoint_is_enabled_receives_every_type_and_has_a_whsec_secret_of_32_bytes()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, eventTypes: null, description: null, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Enabled, Is.True);
            Assert.That(endpoint.DisabledReason, Is.Null);
            Assert.That(endpoint.EventTypes, Is.EqualTo(new[] { "customer.created", "customer.status_changed", "account.created" }));
            Assert.That(endpoint.Secret, Does.StartWith("whsec_").And.Length.EqualTo(WebhookSecret.Length));
            Assert.That(Convert.FromBase64String(endpoint.Secret["whsec_".Length..]), Has.Length.EqualTo(32));
            Assert.That(endpoint.SigningSecretsAt(_clock.GetUtcNow().UtcDateTime), Is.EqualTo(new[] { endpoint.Secret }));
            Assert.That(endpoint.UpdatedAt, Is.EqualTo(endpoint.CreatedAt));
            Assert.That(endpoint.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public void Event_types_are_kept_each_once_in_the_contracts_order()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, ["account.created", "customer.created", "account.created"], null, _clock);

        Assert.That(endpoint.EventTypes, Is.EqualTo(new[] { "customer.created", "account.created" }));
    }

    [TestCase("customer.deleted")]
    [TestCase("Customer.Created")]
    public void An_unknown_event_type_is_refused_for_the_field_eventTypes(string type)
    {
        var refused = Assert.Throws<DomainValidationException>(() => WebhookEndpoint.Create("participant-1", Url, [type], null, _clock));

        Assert.That(refused!.Field, Is.EqualTo("eventTypes"));
        Assert.That(refused.Message, Does.Contain(type));
    }

    [Test]
    public void No_event_type_at_all_is_refused() =>
        Assert.That(() => WebhookEndpoint.Create("participant-1", Url, [], null, _clock), Throws.TypeOf<DomainValidationException>());

    [TestCase("not a url")]
    [TestCase("ftp://hooks.example.com/")]
    public void A_malformed_url_is_refused_for_the_field_url(string url)
    {
        var refused = Assert.Throws<DomainValidationException>(() => WebhookEndpoint.Create("participant-1", url, null, null, _clock));

        Assert.That(refused!.Field, Is.EqualTo("url"));
    }

    [Test]
    public void A_description_over_256_characters_or_with_control_characters_is_refused()
    {
        Assert.That(WebhookEndpoint.FindDescriptionViolation(new string('d', 256)), Is.Null);
        Assert.That(WebhookEndpoint.FindDescriptionViolation(new string('d', 257)), Does.Contain("256"));
        Assert.That(WebhookEndpoint.FindDescriptionViolation("a\nb"), Does.Contain("control characters"));
        Assert.That(() => WebhookEndpoint.Create("participant-1", Url, null, new string('d', 257), _clock), Throws.TypeOf<DomainValidationException>());
    }

    [Test]
    public void Update_changes_the_given_fields_moves_updatedAt_and_the_version()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, null, "note", _clock);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var changed = endpoint.Update("https://hooks.example.com/moved", ["customer.status_changed"], description: null, enabled: null, _clock);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True);
            Assert.That(endpoint.Url, Is.EqualTo("https://hooks.example.com/moved"));
            Assert.That(endpoint.EventTypes, Is.EqualTo(new[] { "customer.status_changed" }));
            Assert.That(endpoint.Description, Is.EqualTo("note"));
            Assert.That(endpoint.Enabled, Is.True);
            Assert.That(endpoint.UpdatedAt, Is.EqualTo(endpoint.CreatedAt.AddMinutes(1)));
            Assert.That(endpoint.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public void Update_to_the_values_it_has_changes_nothing()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, null, "note", _clock);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var changed = endpoint.Update(Url, ["account.created", "customer.created", "customer.status_changed"], "note", enabled: true, _clock);

        Assert.That(changed, Is.False);
        Assert.That(endpoint.UpdatedAt, Is.EqualTo(endpoint.CreatedAt));
        Assert.That(endpoint.Version, Is.EqualTo(1));
    }

    [Test]
    public void An_empty_description_removes_it() =>
        Assert.That(Updated(endpoint => endpoint.Update(null, null, string.Empty, null, _clock)).Description, Is.Null);

    [Test]
    public void Disabling_after_failures_says_why_and_enabling_again_clears_the_reason()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, null, null, _clock);

        Assert.That(endpoint.DisableAfterFailures("Every retry failed; the last attempt answered HTTP 500.", _clock), Is.True);
        Assert.That(endpoint.Enabled, Is.False);
        Assert.That(endpoint.DisabledReason, Does.Contain("HTTP 500"));
        Assert.That(endpoint.Version, Is.EqualTo(2));

        Assert.That(endpoint.DisableAfterFailures("again", _clock), Is.False, "an endpoint already disabled stays as it is");
        Assert.That(endpoint.DisabledReason, Does.Contain("HTTP 500"));

        endpoint.Update(null, null, null, enabled: true, _clock);
        Assert.That(endpoint.Enabled, Is.True);
        Assert.That(endpoint.DisabledReason, Is.Null);
    }

    [Test]
    public void The_owner_disabling_an_endpoint_gives_no_reason()
    {
        var endpoint = Updated(endpoint => endpoint.Update(null, null, null, enabled: false, _clock));

        Assert.That(endpoint.Enabled, Is.False);
        Assert.That(endpoint.DisabledReason, Is.Null);
        Assert.That(endpoint.DisableAfterFailures("failures", _clock), Is.False);
    }

    [Test]
    public void A_long_disabled_reason_is_cut_to_512_characters()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, null, null, _clock);

        endpoint.DisableAfterFailures(new string('r', 600), _clock);

        Assert.That(endpoint.DisabledReason, Has.Length.EqualTo(WebhookEndpoint.MaxDisabledReasonLength));
    }

    [Test]
    public void A_rotated_out_secret_signs_alongside_the_new_one_for_24_hours_and_then_stops()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, null, null, _clock);
        var first = endpoint.Secret;
        _clock.Advance(TimeSpan.FromMinutes(5));

        var second = endpoint.RotateSecret(_clock);
        var rotatedAt = _clock.GetUtcNow().UtcDateTime;

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(endpoint.Secret).And.Not.EqualTo(first).And.StartWith("whsec_"));
            Assert.That(endpoint.SigningSecretsAt(rotatedAt), Is.EqualTo(new[] { second, first }));
            Assert.That(endpoint.SigningSecretsAt(rotatedAt.AddHours(24).AddMilliseconds(-1)), Is.EqualTo(new[] { second, first }));
            Assert.That(endpoint.SigningSecretsAt(rotatedAt.AddHours(24)), Is.EqualTo(new[] { second }));
            Assert.That(endpoint.Version, Is.EqualTo(2));
        });
    }

    [Test]
    public void A_second_rotation_retires_the_first_secret_at_once()
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, null, null, _clock);
        var first = endpoint.Secret;
        var second = endpoint.RotateSecret(_clock);

        var third = endpoint.RotateSecret(_clock);

        Assert.That(endpoint.SigningSecretsAt(_clock.GetUtcNow().UtcDateTime), Is.EqualTo(new[] { third, second }));
        Assert.That(first, Is.Not.EqualTo(second));
    }

    private WebhookEndpoint Updated(Action<WebhookEndpoint> update)
    {
        var endpoint = WebhookEndpoint.Create("participant-1", Url, null, "note", _clock);
        update(endpoint);
        return endpoint;
    }
}
