using CustomerService.Application.Common.Abstractions;
using CustomerService.Infrastructure.Health;
using CustomerService.Application.Common.Idempotency;
using CustomerService.Infrastructure.Persistence;
using CustomerService.Infrastructure.Persistence.Idempotency;
using CustomerService.Infrastructure.Persistence.ReadModel;
using CustomerService.Infrastructure.Persistence.Repositories;
using CustomerService.Infrastructure.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Update;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerService.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The tag of the health checks that decide readiness.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>
    /// Registers the EF Core store for the provider named by <c>Database:Provider</c> (SQLite by
    /// default), its contexts pooled, its repository and unit of work (the write side) and its read model
    /// (the query side), and the webhook endpoints' store, host resolver and sender.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <param name="contentRootPath">Where a relative SQLite file name is resolved from.</param>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, contentRootPath);
                var openConnections = new OpenSqliteConnections(sqlite);
                services.AddPooledDbContextFactory<SqliteCustomerDbContext>((provider, builder) =>
                    WithCommonOptions(builder.UseSqlite(sqlite).AddInterceptors(openConnections), provider));
                services.AddSingleton(_ => openConnections);
                services.AddScoped<SqliteConnectionLease>();
                services.AddScoped<CustomerDbContext>(LeaseSqliteContext);
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = RequiredConnectionString(connectionString, options.Provider);
                services.AddPooledDbContextFactory<SqlServerCustomerDbContext>((provider, builder) =>
                    WithCommonOptions(builder.UseSqlServer(sqlServer, sql => sql.EnableRetryOnFailure()), provider));
                services.AddScoped<CustomerDbContext>(LeaseContext<SqlServerCustomerDbContext>);
                break;
            case DatabaseProvider.PostgreSql:
                var postgreSql = WithoutResetOnClose(RequiredConnectionString(connectionString, options.Provider));
                services.AddPooledDbContextFactory<PostgreSqlCustomerDbContext>((provider, builder) =>
                    WithCommonOptions(
                        builder.UseNpgsql(postgreSql, npgsql => npgsql.EnableRetryOnFailure(
                                PostgreSqlRetries.MaxRetryCount, PostgreSqlRetries.MaxRetryDelay, PostgreSqlRetries.ErrorCodesToAdd))
                            .ReplaceService<IModificationCommandBatchFactory, PostgreSqlInsertBatchFactory>(),
                        provider));
                services.AddScoped<CustomerDbContext>(LeaseContext<PostgreSqlCustomerDbContext>);
                break;
            default:
                throw new InvalidOperationException("Database:Provider must be Sqlite, SqlServer or PostgreSql.");
        }

        services.AddSingleton<DatabaseLoginRefusals>();
        services.AddScoped<ICustomerRepository, CustomerRepository>();
        services.AddScoped<ICustomerReadModel, CustomerReadModel>();
        services.AddScoped<IEventFeed, EventFeed>();
        services.AddScoped<IWebhookDeliveryLog, WebhookDeliveryLog>();
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<IWebhookEndpointRepository, WebhookEndpointRepository>();
        services.AddScoped<IWebhookEndpointReadModel, WebhookEndpointReadModel>();

        services.AddSingleton<IHostAddressResolver, DnsHostAddressResolver>();
        services.AddOptions<WebhookSenderOptions>()
            .BindConfiguration(WebhookSenderOptions.SectionName)
            .Validate(
                sender => sender.DeliveryTimeout > TimeSpan.Zero && sender.DeliveryTimeout <= TimeSpan.FromMinutes(1),
                "Webhooks:DeliveryTimeout must be more than zero and at most one minute.")
            .ValidateOnStart();
        services.AddSingleton<IWebhookSender, HttpWebhookSender>();
        services.AddOptions<WebhookDeliveryOptions>()
            .BindConfiguration(WebhookDeliveryOptions.SectionName)
            .Validate(delivery => delivery.EffectiveRetryDelays.All(delay => delay >= TimeSpan.Zero), "Webhooks:RetryDelays must not be negative.")
            .Validate(delivery => delivery.PollInterval > TimeSpan.Zero, "Webhooks:PollInterval must be more than zero.")
            .Validate(delivery => delivery.LeaseDuration > TimeSpan.Zero, "Webhooks:LeaseDuration must be more than zero.")
            .Validate(delivery => delivery.MaxConcurrentDeliveries >= 1, "Webhooks:MaxConcurrentDeliveries must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddSingleton<WebhookMetrics>();
        services.AddHostedService<WebhookDispatcher>();

        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.SectionName));
        services.AddScoped<IIdempotencyStore, EfIdempotencyStore>();
        services.AddHostedService<IdempotencyPurgeService>();

        // Readiness: the database answers and has every migration applied.
        services.AddHealthChecks()
            .AddCheck<DatabaseConnectionCheck>("database", tags: [ReadinessTag])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [ReadinessTag])
            .AddCheck<WebhookDeliveryLagCheck>("webhook-deliveries", tags: [ReadinessTag]);
        return services;
    }

    /// <summary>
    /// A pooled PostgreSQL connection goes back to the pool without <c>DISCARD ALL</c>: the service
    /// sets no session state, and discarding would make the server plan the deliveries trigger again
    /// on every create (decision 0023).
    /// </summary>
    private static string WithoutResetOnClose(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;

    private static string RequiredConnectionString(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"Database:Provider is {provider}, so ConnectionStrings:{DatabaseOptions.ConnectionStringName} must be set.")
            : connectionString;

    /// <summary>
    /// A refused write is often expected (a duplicate externalId is a 409, a taken idempotency key a
    /// replay), so EF Core's own error lines for failed commands, saves and connections are
    /// debug-level; every failure that reaches the client as a 5xx is logged, with the request id,
    /// by the Api, and a database unreachable at start by the start, in one line. Interceptors
    /// registered as services (none by default) are added to every context.
    /// </summary>
    private static DbContextOptionsBuilder WithCommonOptions(DbContextOptionsBuilder builder, IServiceProvider services) =>
        builder.AddInterceptors(services.GetServices<IInterceptor>()).ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>
    /// A context from the pool for one scope (a request), scoped to that scope's participant; the
    /// scope disposes it, which returns it to the pool. Pooling saves building a context, its
    /// options and its internal services on every request.
    /// </summary>
    private static TContext LeaseContext<TContext>(IServiceProvider services)
        where TContext : CustomerDbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.UseParticipant(services.GetRequiredService<ICurrentParticipant>());
        return context;
    }

    /// <summary>
    /// A pooled SQLite context on one of the connections kept open between requests (see
    /// <see cref="OpenSqliteConnections"/>); the scope gives the connection back after the context.
    /// </summary>
    private static SqliteCustomerDbContext LeaseSqliteContext(IServiceProvider services)
    {
        var connection = services.GetRequiredService<SqliteConnectionLease>().Connection;
        var context = LeaseContext<SqliteCustomerDbContext>(services);
        context.UseLeasedConnection(connection);
        return context;
    }

    /// <summary>
    /// Resolves a relative SQLite file against the content root (so the service finds its data
    /// whatever the working directory) and makes sure its folder exists.
    /// </summary>
    private static string SqliteConnectionString(string? configured, string contentRootPath)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={DatabaseOptions.DefaultSqliteFile}" : configured);

        if (builder.DataSource is { Length: > 0 } file
            && file != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory
            && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            builder.DataSource = Path.GetFullPath(file, contentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
