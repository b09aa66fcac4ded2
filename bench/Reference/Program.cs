using CustomerService.Reference;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

// The same configuration keys as the service: Authentication:Schemes:Bearer and
// ConnectionStrings:CustomerService.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 64 * 1024;
});

// JWT validation exactly as the service configures it.
string[] signingAlgorithms =
[
    SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512,
    SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
    SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
];
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters.ValidAlgorithms = signingAlgorithms;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                if (context.Principal?.FindFirst(Caller.ParticipantClaim)?.Value is not { Length: > 0 })
                {
                    context.Fail("The token has no participant_id claim.");
                }

                return Task.CompletedTask;
            },
        };
    });

// The service reads its signing keys once (and on reload) instead of on every request; so does the
// reference: the configured keys of the valid issuer, as key objects made at start.
var bearer = builder.Configuration.GetSection("Authentication:Schemes:Bearer");
SecurityKey[] signingKeys =
[
    .. bearer.GetSection("SigningKeys").GetChildren()
        .Where(key => key["Issuer"] == bearer["ValidIssuer"] && key["Value"] is { Length: > 0 })
        .Select(key => new SymmetricSecurityKey(Convert.FromBase64String(key["Value"]!))),
];
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .PostConfigure(options => options.TokenValidationParameters.IssuerSigningKeys = signingKeys);

var connectionString = builder.Configuration.GetConnectionString("CustomerService")
    ?? throw new InvalidOperationException("ConnectionStrings:CustomerService must name the SQLite file.");
var customers = new CustomerEndpoints(connectionString);

var app = builder.Build();
app.UseAuthentication();
app.MapGet("/health/live", context => ReferenceResponses.WriteLiveAsync(context));
app.MapGet("/api/v1/account-manager/customers/{id}", context => customers.GetAsync(context));
app.MapGet("/api/v1/account-manager/customers", context => customers.ListAsync(context));
app.MapPost("/api/v1/account-manager/customers", context => customers.CreateAsync(context));
await app.RunAsync();
