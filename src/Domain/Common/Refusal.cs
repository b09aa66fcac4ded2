namespace CustomerService.Domain.Common;

/// <summary>Why the value a client sent for <paramref name="Field"/> (the name it was sent under) is not acceptable.</summary>
public sealed record Refusal(string Field, string Message);
