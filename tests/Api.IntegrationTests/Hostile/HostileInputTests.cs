using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace CustomerService.Api.IntegrationTests.Hostile;

/// <summary>
/// The hostile corpus through the real pipeline: every request gets exactly the answer its case
/// names, never a 5xx; every non-2xx is the contract's error body as <c>application/json</c>; and the
/// service still serves normal requests afterwards.
/// </summary>
public sealed class HostileInputTests : ServiceFixture
{
    private static readonly HashSet<string> ContractCodes =
    [
        "VALIDATION_ERROR", "INVALID_JSON", "UNSUPPORTED_API_VERSION", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND",
        "METHOD_NOT_ALLOWED", "DUPLICATE_EXTERNAL_ID", "DUPLICATE_ACCOUNT_ADDRESS", "CUSTOMER_NOT_ACTIVE", "ACCOUNT_LIMIT_REACHED",
        "IDEMPOTENCY_KEY_IN_USE", "PRECONDITION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE",
        "IDEMPOTENCY_KEY_REUSED", "RATE_LIMITED", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE",
    ];

    private string _customerId = null!;
    private string _accountId = null!;
    private string _token = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _token = TestTokens.Mint(Factory.ParticipantId);
        _customerId = (await Client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("hostile-seed"))).Id();
        using var account = await Client.PostJsonAsync($"{ContractClient.CustomerPath(_customerId)}/accounts", AccountBody(NewEvmAddress()));
        Assert.That((int)account.StatusCode, Is.EqualTo(201), await account.Content.ReadAsStringAsync());
        _accountId = (await account.ReadObjectAsync()).Id();
    }

    [Test]
    public void Corpus_is_large_and_its_cases_are_named_uniquely()
    {
        var names = HostileCorpus.All().Select(data => ((HostileRequest)data.Arguments[0]!).Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Count.GreaterThan(400));
            Assert.That(names, Is.Unique);
        });
    }

    [Order(1)]
    [TestCaseSource(typeof(HostileCorpus), nameof(HostileCorpus.All))]
    public async Task Hostile_request_gets_its_answer_and_never_a_5xx(HostileRequest hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        using var request = Build(hostile);

        using var response = await Client.SendAsync(request);

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(status, Is.LessThan(500), $"a 5xx for hostile input: {body}");
        Assert.That(status, Is.EqualTo(hostile.Expected.Status), body);
        Assert.That(response.Headers.Contains("X-Request-Id"), Is.True, "X-Request-Id");
        ContractAssert.JsonUtf8(response.Content.Headers);
        if (hostile.Expected.IsSuccess)
        {
            return;
        }

        var details = await response.AssertErrorAsync(hostile.Expected.Status, hostile.Expected.Code!);
        Assert.That(ContractCodes, Does.Contain(hostile.Expected.Code));
        if (hostile.Expected.Fields.Count > 0)
        {
            Assert.That(details.Fields().Distinct(), Is.EquivalentTo(hostile.Expected.Fields), body);
        }
    }

    [Test]
    [Order(2)]
    public async Task Service_still_serves_normal_requests_after_the_corpus()
    {
        using var ready = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());

        var externalId = ContractClient.UniqueExternalId("after-hostile");
        var created = await Client.CreateCustomerOkAsync(externalId);
        var (read, _) = await Client.GetCustomerOkAsync(created.Id());
        ContractAssert.SameJson(read, created);
        Assert.That((await Client.ListCustomersOkAsync($"?externalId={externalId}")).Ids(), Is.EqualTo(new[] { created.Id() }));

        using var account = await Client.PostJsonAsync($"{ContractClient.CustomerPath(created.Id())}/accounts", AccountBody(NewEvmAddress()));
        Assert.That((int)account.StatusCode, Is.EqualTo(201), await account.Content.ReadAsStringAsync());

        var (seeded, _) = await Client.GetCustomerOkAsync(_customerId);
        Assert.That(seeded.Text("status"), Is.EqualTo("active"));
    }

    private HttpRequestMessage Build(HostileRequest hostile)
    {
        // Through System.Uri, as any client sends it: dot segments (%2e%2e too) are removed, as
        // the server would remove them; other escapes reach the server as written.
        var request = new HttpRequestMessage(new HttpMethod(hostile.Method), new Uri(Fill(hostile.Path), UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (hostile.Body is { } bytes)
        {
            var body = HostileRequest.Fill(bytes, Fill);
            request.Content = hostile.Chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            request.Headers.TransferEncodingChunked = hostile.Chunked;
            if (hostile.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        foreach (var header in hostile.Headers.GroupBy(header => header.Key, header => Fill(header.Value)))
        {
            HttpHeaders headers = request.Content is not null && header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
                ? request.Content.Headers
                : request.Headers;
            headers.Remove(header.Key);
            Assert.That(headers.TryAddWithoutValidation(header.Key, header), Is.True, header.Key);
        }

        return request;
    }

    private string Fill(string text) => text
        .Replace("{customer}", _customerId, StringComparison.Ordinal)
        .Replace("{account}", _accountId, StringComparison.Ordinal)
        .Replace("{token}", _token, StringComparison.Ordinal)
        .Replace("{unique}", ContractClient.UniqueExternalId("hostile"), StringComparison.Ordinal)
        .Replace("{address}", NewEvmAddress(), StringComparison.Ordinal);

    private static string AccountBody(string address) => $$"""{"network":"ethereum","address":"{{address}}"}""";

    /// <summary>A fresh all-lowercase EVM address (single case needs no checksum).</summary>
    private static string NewEvmAddress() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
