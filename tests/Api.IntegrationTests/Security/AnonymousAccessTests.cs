using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>Every controller action demands a scope; none can be reached without a token.</summary>
public sealed class AnonymousAccessTests : ServiceFixture
{
    private static readonly string[] KnownScopes = ["customers:read", "customers:write", "webhooks:read", "webhooks:write"];

    [Test]
    public void Every_controller_action_requires_a_scope_policy_and_none_allows_anonymous()
    {
        var actions = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .ToList();

        Assert.That(actions, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var action in actions)
            {
                var policies = action.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).ToList();
                Assert.That(action.Metadata.GetMetadata<IAllowAnonymous>(), Is.Null, $"{action.DisplayName} allows anonymous access");
                Assert.That(policies, Has.Some.AnyOf(KnownScopes.Cast<object>().ToArray()), $"{action.DisplayName} requires no scope");
            }
        });
    }

    [Test]
    public void Reads_require_their_areas_read_scope_and_writes_its_write_scope()
    {
        var actions = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not null);

        Assert.Multiple(() =>
        {
            foreach (var action in actions)
            {
                var methods = action.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods;
                var policies = action.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy);
                var area = ((RouteEndpoint)action).RoutePattern.RawText!.Contains("/webhook-endpoints", StringComparison.Ordinal) ? "webhooks" : "customers";
                var expected = methods.All(method => method == HttpMethods.Get) ? $"{area}:read" : $"{area}:write";
                Assert.That(policies, Does.Contain(expected), action.DisplayName);
            }
        });
    }
}
