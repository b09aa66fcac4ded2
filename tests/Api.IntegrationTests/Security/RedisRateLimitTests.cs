using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerService.Api.IntegrationTests.Security;

/// <summary>
/// With <c>RateLimiting:Redis</c> set, a participant's bucket is one bucket however many instances
/// serve it. Runs against a throw-away <c>redis-server</c> of its own on a free loopback port; the
/// tests that need one are skipped when no <c>redis-server</c> is installed.
/// </summary>
public sealed class RedisRateLimitTests
{
    private const int Burst = 4;

    private Process? _redis;
    private string _folder = string.Empty;
    private int _port;

    [OneTimeSetUp]
    public async Task StartRedis()
    {
        var binary = FindRedisServer();
        if (binary is null)
        {
            return;
        }

        _folder = Directory.CreateTempSubdirectory("customer-service-redis-").FullName;
        _port = FreeLoopbackPort();
        var start = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        foreach (var argument in new[] { "--port", _port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", _folder })
        {
            start.ArgumentList.Add(argument);
        }

        _redis = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _redis.OutputDataReceived += (_, _) => { };
        _redis.ErrorDataReceived += (_, _) => { };
        _redis.BeginOutputReadLine();
        _redis.BeginErrorReadLine();
        await WaitForPongAsync(_port);
    }

    [OneTimeTearDown]
    public void StopRedis()
    {
        if (_redis is not null)
        {
            _redis.Kill(entireProcessTree: true);
            _redis.WaitForExit();
            _redis.Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task Two_instances_on_one_redis_share_one_participant_budget()
    {
        if (_redis is null)
        {
            Assert.Ignore("No redis-server on PATH: install it (Debian: apt-get install redis-server) to run the shared rate-limit tests.");
        }

        var participant = $"participant-redis-{Guid.NewGuid():N}";
        var settings = Settings($"127.0.0.1:{_port}");
        using var first = new CustomerServiceFactory(participantId: participant, settings: settings);
        using var second = new CustomerServiceFactory(database: first.Database, participantId: participant, settings: settings);
        using var toFirst = first.CreateClient();
        using var toSecond = second.CreateClient();

        var served = new List<HttpStatusCode>();
        for (var i = 0; i < Burst / 2; i++)
        {
            served.Add(await StatusAsync(toFirst));
            served.Add(await StatusAsync(toSecond));
        }

        using var overOnFirst = await toFirst.ListCustomersAsync("?limit=1");
        var overOnSecond = await StatusAsync(toSecond);

        Assert.That(served, Is.All.EqualTo(HttpStatusCode.OK));
        await overOnFirst.AssertErrorAsync(429, "RATE_LIMITED");
        Assert.Multiple(() =>
        {
            Assert.That(overOnFirst.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThanOrEqualTo(1));
            Assert.That(overOnSecond, Is.EqualTo(HttpStatusCode.TooManyRequests));
        });
        first.Dispose();
        second.Dispose();
        CustomerServiceFactory.DeleteDatabase(first.Database);
    }

    [Test]
    public async Task An_unreachable_redis_leaves_each_instance_limiting_on_its_own_with_one_warning()
    {
        var settings = Settings($"127.0.0.1:{FreeLoopbackPort()},connectTimeout=500");
        using var logs = new WarningLog();
        using var factory = new CustomerServiceFactory(participantId: "participant-redis-down", settings: settings);
        using var logged = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        using var client = logged.CreateClient();

        var served = new List<HttpStatusCode>();
        for (var i = 0; i < Burst; i++)
        {
            served.Add(await StatusAsync(client));
        }

        using var over = await client.ListCustomersAsync("?limit=1");

        Assert.That(served, Is.All.EqualTo(HttpStatusCode.OK));
        await over.AssertErrorAsync(429, "RATE_LIMITED");
        Assert.That(logs.Warnings.Count(category => category.EndsWith(".RedisRateLimitConnection", StringComparison.Ordinal)), Is.EqualTo(1));
        logged.Dispose();
        factory.Dispose();
        CustomerServiceFactory.DeleteDatabase(factory.Database);
    }

    /// <summary>The categories of the warnings logged, in order.</summary>
    private sealed class WarningLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IEnumerable<string> Warnings => _warnings;

        public ILogger CreateLogger(string categoryName) => new CategoryLogger(categoryName, _warnings);

        public void Dispose()
        {
        }

        private sealed class CategoryLogger(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    warnings.Enqueue(category);
                }
            }
        }
    }

    private static Dictionary<string, string?> Settings(string redis) => new()
    {
        ["RateLimiting:Redis"] = redis,
        ["RateLimiting:TokenLimit"] = Burst.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:TokensPerPeriod"] = "1",
        ["RateLimiting:ReplenishmentPeriod"] = "01:00:00",
    };

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.ListCustomersAsync("?limit=1");
        return response.StatusCode;
    }

    private static string? FindRedisServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPongAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                var stream = client.GetStream();
                await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"));
                var answer = new byte[7];
                var read = await stream.ReadAsync(answer);
                if (Encoding.ASCII.GetString(answer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not answer on port {port}.");
            }

            await Task.Delay(100);
        }
    }
}
