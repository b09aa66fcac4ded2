using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerService.Api.Streaming;

/// <summary>The action's answer is streamed while it is read (see <see cref="StreamedResponseFilter"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class StreamedResponseAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<StreamedResponseFilter>();
}
