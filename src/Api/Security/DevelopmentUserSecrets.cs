using System.Reflection;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.FileProviders;

namespace CustomerService.Api.Security;

/// <summary>
/// The user-secrets file, where <c>dotnet user-jwts</c> keeps the development signing key, watched
/// in Development even when it does not exist yet.
/// </summary>
/// <remarks>
/// ASP.NET Core watches the user-secrets folder only if it exists at start; otherwise it watches a
/// <c>secrets.json</c> in the content root, so the key the first <c>dotnet user-jwts create</c>
/// writes was not seen until a restart and every token was refused. Here the folder is created
/// (as the tools would create it) and the file in it watched; <see cref="SigningKeyRing"/>
/// reloads with configuration, so a key created after the start is trusted straight away.
/// </remarks>
internal static class DevelopmentUserSecrets
{
    /// <summary>Mints a development token; the first run also creates the signing key.</summary>
    public const string MintCommand =
        "dotnet user-jwts create --project src/Api --claim participant_id=participant-123 "
        + "--scope \"customers:read customers:write\" --valid-for 8h --output token";

    public static void WatchEvenIfAbsent(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()
            || typeof(Program).Assembly.GetCustomAttribute<UserSecretsIdAttribute>() is not { } secrets)
        {
            return;
        }

        var file = PathHelper.GetSecretsPathFromSecretsId(secrets.UserSecretsId);
        var fileName = Path.GetFileName(file);
        if (Path.GetDirectoryName(file) is not { } folder || Directory.Exists(folder))
        {
            return;
        }

        var sources = builder.Configuration.Sources;
        for (var index = 0; index < sources.Count; index++)
        {
            if (sources[index] is JsonConfigurationSource { Path: var path } source && path == fileName)
            {
                Directory.CreateDirectory(folder);
                sources[index] = new JsonConfigurationSource
                {
                    FileProvider = new PhysicalFileProvider(folder),
                    Path = fileName,
                    Optional = true,
                    ReloadOnChange = source.ReloadOnChange,
                };
                return;
            }
        }
    }
}
