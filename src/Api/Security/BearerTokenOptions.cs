namespace CustomerService.Api.Security;

/// <summary>The service's own limits on bearer tokens, from the <c>Authentication</c> section.</summary>
internal sealed class BearerTokenOptions
{
    public const string SectionName = "Authentication";

    /// <summary>The longest a token may be valid for: <c>exp</c> − <c>iat</c>, or <c>exp</c> − now without <c>iat</c>.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
