using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerService.Api.Idempotency;

/// <summary>The action honours the <c>Idempotency-Key</c> header (docs/contract.md, section 7).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class IdempotentAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        serviceProvider.GetRequiredService<IdempotencyFilter>();
}
