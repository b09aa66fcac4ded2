using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace CustomerService.Api.Http;

/// <summary>The <c>Location</c> of a created resource, built from the route that serves it.</summary>
internal static class ResourceLocations
{
    /// <summary>
    /// 201 Created with the path (with the application's path base) that the route named
    /// <paramref name="routeName"/> (an action's operationId) serves for <paramref name="routeValues"/>,
    /// in the API version of this request as the URLs spell it (<c>v1</c>).
    /// </summary>
    public static CreatedResult CreatedAt(this ControllerBase controller, string routeName, object routeValues, object value)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var values = new RouteValueDictionary(routeValues)
        {
            ["version"] = controller.HttpContext.RequestedApiVersion?.ToString("VVV", CultureInfo.InvariantCulture),
        };
        var path = controller.Url.RouteUrl(routeName, values)
            ?? throw new InvalidOperationException($"The route {routeName} makes no path of {string.Join(", ", values.Keys)}.");
        return controller.Created(path, value);
    }
}
