using System.Globalization;

namespace CustomerService.Soak;

/// <summary>The command line: where the service is, who calls it, and how long and how hard.</summary>
internal sealed record SoakOptions
{
    public const string Usage = """
        Usage: CustomerService.Soak --url URL [--url URL] (--signing-key BASE64 [--issuer I] [--audience A] | --token JWT [--token JWT])
                                    [--duration SECONDS] [--concurrency N] [--max-requests N] [--record FILE]

          --url            the service's base address, e.g. http://127.0.0.1:5080; again for each further
                           instance on the same database: requests are spread over all of them
          --signing-key    a symmetric key the service trusts (base64); two fresh participants are minted tokens
          --issuer         the issuer those tokens name (default customer-service-soak)
          --audience       the audience those tokens name (default customer-service)
          --token          a bearer token to use instead (scopes customers:read customers:write, and webhooks:read
                           webhooks:write for the webhook checks); a second
                           --token, for another participant, enables the tenant-isolation checks
          --duration       how long the mixed workload runs (default 60)
          --concurrency    how many workers send requests at once (default 8)
          --max-requests   stop the workload after this many requests even if time remains (default 1000000)
          --record         write every request and response summary to FILE, one JSON object a line
        """;

    public required IReadOnlyList<Uri> BaseUrls { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public int Concurrency { get; init; } = 8;

    public long MaxRequests { get; init; } = 1_000_000;

    public IReadOnlyList<string> Tokens { get; init; } = [];

    public string? SigningKey { get; init; }

    public string Issuer { get; init; } = "customer-service-soak";

    public string Audience { get; init; } = "customer-service";

    public string? RecordPath { get; init; }

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> with a message for people when they are wrong.</summary>
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var urls = new List<Uri>();
        var tokens = new List<string>();
        var options = new SoakOptions { BaseUrls = [] };
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--url":
                    urls.Add(Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                        ? parsed
                        : throw new ArgumentException($"--url must be an http or https address, not '{value}'."));
                    break;
                case "--token":
                    tokens.Add(value);
                    break;
                case "--signing-key":
                    options = options with { SigningKey = value };
                    break;
                case "--issuer":
                    options = options with { Issuer = value };
                    break;
                case "--audience":
                    options = options with { Audience = value };
                    break;
                case "--duration":
                    options = options with { Duration = TimeSpan.FromSeconds(Positive(name, value)) };
                    break;
                case "--concurrency":
                    options = options with { Concurrency = (int)Math.Min(Positive(name, value), 1024) };
                    break;
                case "--max-requests":
                    options = options with { MaxRequests = Positive(name, value) };
                    break;
                case "--record":
                    options = options with { RecordPath = value };
                    break;
                default:
                    throw new ArgumentException($"Unknown option {name}.");
            }
        }

        if (urls.Count == 0)
        {
            throw new ArgumentException("--url is required.");
        }

        if ((tokens.Count == 0) == (options.SigningKey is null))
        {
            throw new ArgumentException("Give either --signing-key or one or two --token, not both and not neither.");
        }

        if (tokens.Count > 2)
        {
            throw new ArgumentException("At most two --token (one per participant).");
        }

        return options with { BaseUrls = urls, Tokens = tokens };
    }

    private static long Positive(string name, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a whole number above zero, not '{value}'.");
}
