using System.Security.Cryptography;
using System.Text;
using CustomerService.Api.Http;
using CustomerService.Application.Common.Errors;
using CustomerService.Application.Common.Idempotency;
using CustomerService.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CustomerService.Api.Idempotency;

/// <summary>
/// Idempotency keys, once for every action that takes them: the first request with a key executes
/// and its successful answer is stored; the same request again gets that answer replayed with
/// <c>Idempotent-Replayed: true</c>; a different request under the key is a 422; a repeat while the
/// first still runs is a 409. An answer that is not a success created nothing and is not stored:
/// the key is released so that a retry executes again.
/// </summary>
internal sealed partial class IdempotencyFilter(ILogger<IdempotencyFilter> logger) : IAsyncResourceFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var values = http.Request.Headers[HeaderName];
        if (values.Count == 0)
        {
            await next();
            return;
        }

        var key = values.Count == 1 ? values[0] : null;
        if (!IsValidKey(key))
        {
            throw new RequestValidationException(
                [new FieldError(HeaderName, $"{HeaderName} must be 1 to {MaxKeyLength} printable ASCII characters, sent once.")]);
        }

        var store = http.RequestServices.GetRequiredService<IIdempotencyStore>();
        var fingerprint = await FingerprintAsync(http.Request, http.RequestAborted);
        var claim = await store.ClaimAsync(key!, fingerprint, http.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Replay:
                context.Result = new ReplayedResult(claim.Response!);
                return;
            case IdempotencyClaimOutcome.InProgress:
                throw ConflictException.IdempotencyKeyInUse();
            case IdempotencyClaimOutcome.Mismatch:
                throw new IdempotencyKeyReusedException();
        }

        await ExecuteClaimedAsync(http, store, key!, next);
    }

    private async Task ExecuteClaimedAsync(HttpContext http, IIdempotencyStore store, string key, ResourceExecutionDelegate next)
    {
        // The answer is written to a buffer first, so that it can be stored before it is sent.
        var response = http.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        ResourceExecutedContext? executed = null;
        try
        {
            executed = await next();
        }
        finally
        {
            response.Body = original;
            var succeeded = executed is { Exception: null } or { ExceptionHandled: true }
                && response.StatusCode is >= StatusCodes.Status200OK and < StatusCodes.Status300MultipleChoices;
            await SettleAsync(store, key, succeeded ? Answer(response, buffer) : null);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>Stores the answer, or releases the key when there is none to keep. Never cancelled half-way.</summary>
    private async Task SettleAsync(IIdempotencyStore store, string key, StoredResponse? answer)
    {
        try
        {
            if (answer is null)
            {
                await store.ReleaseAsync(key, CancellationToken.None);
            }
            else
            {
                await store.CompleteAsync(key, answer, CancellationToken.None);
            }
        }
        catch (Exception exception) when (DatabaseFailures.IsUnavailable(exception))
        {
            // The request itself is done and its answer goes out; the key stays in use until its
            // in-progress timeout, after which a retry executes again (and meets the unique indexes).
            LogNotSettled(exception, key.Length);
        }
    }

    private static StoredResponse Answer(HttpResponse response, MemoryStream buffer) =>
        new(
            response.StatusCode,
            response.ContentType,
            response.Headers.Location.Count == 1 ? response.Headers.Location[0] : null,
            response.Headers.ETag.Count == 1 ? response.Headers.ETag[0] : null,
            buffer.ToArray());

    private static bool IsValidKey(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(character => character is >= ' ' and <= '~');

    /// <summary>SHA-256 of method, path (ids are case-insensitive, so the path is lowercased) and the body's bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffered in memory up to the body limit, so the formatter reads it again without a temp file.
        request.EnableBuffering(bufferThreshold: (int)RequestBodyLimitMiddleware.MaxBodyBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{(request.PathBase + request.Path).Value?.ToLowerInvariant()}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The answer to an idempotent request could not be recorded (key of {KeyLength} characters); the database is unavailable")]
    private partial void LogNotSettled(Exception exception, int keyLength);
}
