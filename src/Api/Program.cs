using CustomerService.Api;
using CustomerService.Api.Errors;
using CustomerService.Api.Http;
using CustomerService.Application;
using CustomerService.Infrastructure;
using CustomerService.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath)
    .AddApi();

var app = builder.Build();

app.UseMiddleware<RequestIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(context => ErrorResponseWriter.WriteForStatusAsync(context.HttpContext));
app.MapControllers();

await app.Services.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point; public so integration tests can host the application.</summary>
public partial class Program;
