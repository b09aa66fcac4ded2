using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerService.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the Api.</summary>
internal sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<SqliteCustomerDbContext>
{
    public SqliteCustomerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCustomerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the Api; it never connects.</summary>
internal sealed class SqlServerDesignTimeContextFactory : IDesignTimeDbContextFactory<SqlServerCustomerDbContext>
{
    public SqlServerCustomerDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<SqlServerCustomerDbContext>()
                .UseSqlServer("Server=localhost;Database=CustomerService;Integrated Security=true;TrustServerCertificate=true")
                .Options);
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the Api; it never connects.</summary>
internal sealed class PostgreSqlDesignTimeContextFactory : IDesignTimeDbContextFactory<PostgreSqlCustomerDbContext>
{
    public PostgreSqlCustomerDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<PostgreSqlCustomerDbContext>()
                .UseNpgsql("Host=localhost;Database=customer_service;Username=customer_service")
                .Options);
}
