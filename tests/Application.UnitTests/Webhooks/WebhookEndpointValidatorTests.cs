using System.Net;
using CustomerService.Application.Common.Abstractions;
using CustomerService.Application.Webhooks;
using CustomerService.Application.Webhooks.CreateWebhookEndpoint;
using CustomerService.Application.Webhooks.UpdateWebhookEndpoint;
using Microsoft.Extensions.Options;
using Moq;

namespace CustomerService.Application.UnitTests.Webhooks;

/// <summary>The URL rules of registration (docs/contract.md, section 9, "Safety"), with the host's resolution in the test's hands.</summary>
public sealed class WebhookEndpointValidatorTests
{
    private Mock<IHostAddressResolver> _resolver = null!;

    [SetUp]
    public void NewResolver() => _resolver = new Mock<IHostAddressResolver>();

    [Test]
    public async Task A_host_whose_every_address_is_public_is_accepted()
    {
        Resolves("hooks.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");

        var result = await Create().ValidateAsync(Command("https://hooks.example.com/x"));

        Assert.That(result.IsValid, Is.True);
    }

    [Test]
    public async Task A_host_with_one_private_address_among_public_ones_is_refused()
    {
        Resolves("hooks.example.com", "93.184.215.14", "10.0.0.5");

        var result = await Create().ValidateAsync(Command("https://hooks.example.com/x"));

        Assert.That(result.Errors.Select(error => (error.PropertyName, error.ErrorMessage)), Is.EqualTo(new[] { ("url", WebhookEndpointRules.NonPublicAddressMessage) }));
    }

    [Test]
    public async Task A_host_that_does_not_resolve_is_refused()
    {
        Resolves("nowhere.example");

        var result = await Create().ValidateAsync(Command("https://nowhere.example/x"));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "url" }));
    }

    [Test]
    public async Task An_address_literal_is_judged_without_asking_the_resolver()
    {
        var result = await Create().ValidateAsync(Command("https://[::ffff:192.168.1.1]/x"));

        Assert.That(result.Errors.Select(error => error.PropertyName), Is.EqualTo(new[] { "url" }));
        _resolver.VerifyNoOtherCalls();
    }

    [Test]
    public async Task With_private_networks_allowed_the_host_is_not_resolved()
    {
        var result = await Create(new WebhookOptions { AllowPrivateNetworks = true }).ValidateAsync(Command("https://internal.example/x"));

        Assert.That(result.IsValid, Is.True);
        _resolver.VerifyNoOtherCalls();
    }

    [Test]
    public async Task An_update_that_leaves_the_url_out_checks_no_url()
    {
        var validator = new UpdateWebhookEndpointValidator(Options.Create(new WebhookOptions()), _resolver.Object);

        var result = await validator.ValidateAsync(new UpdateWebhookEndpointCommand(Guid.NewGuid(), null, null, null, enabled: true));

        Assert.That(result.IsValid, Is.True);
        _resolver.VerifyNoOtherCalls();
    }

    private CreateWebhookEndpointValidator Create(WebhookOptions? options = null) =>
        new(Options.Create(options ?? new WebhookOptions()), _resolver.Object);

    private static CreateWebhookEndpointCommand Command(string url) => new(url, null, null);

    private void Resolves(string host, params string[] addresses) =>
        _resolver.Setup(resolver => resolver.ResolveAsync(host, It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. addresses.Select(IPAddress.Parse)]);
}
