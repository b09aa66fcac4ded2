using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>Reads an upgraded database back through the API, as each participant, and compares it with the rows written.</summary>
public static class UpgradeReadBack
{
    private const string Replayed = "Idempotent-Replayed";

    /// <summary>
    /// Each participant replays its stored idempotent creates, then sees exactly its own customers
    /// and <paramref name="accounts"/> on every read, and may not register one of its addresses again.
    /// </summary>
    public static async Task AssertEverythingVisibleAsync(
        CustomerServiceFactory service,
        IReadOnlyList<LegacyCustomer> customers,
        IReadOnlyList<LegacyAccount> accounts,
        IReadOnlyList<LegacyIdempotentCreate> idempotentCreates)
    {
        foreach (var participant in customers.Select(customer => customer.ParticipantId).Distinct())
        {
            using var client = service.CreateAnonymousClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(participant));

            foreach (var create in idempotentCreates.Where(create => create.Created.ParticipantId == participant))
            {
                await AssertReplayedAsync(client, create);
            }

            var own = customers.Where(customer => customer.ParticipantId == participant).OrderBy(customer => customer.CreatedAt).ToList();
            List<LegacyAccount> AccountsOf(LegacyCustomer customer) =>
                [.. accounts.Where(account => account.Customer.Id == customer.Id).OrderBy(account => account.CreatedAt)];

            await AssertReadsAsync(client, ContractClient.CustomersPath, new JsonArray([.. own.Select(customer => customer.ToJson(AccountsOf(customer)))]));
            foreach (var customer in own)
            {
                var path = ContractClient.CustomerPath(customer.Id.ToString());
                await AssertReadsAsync(client, path, customer.ToJson(AccountsOf(customer)));
                await AssertReadsAsync(client, $"{path}/accounts", new JsonArray([.. AccountsOf(customer).Select(account => account.ToJson())]));
                await AssertReadsAsync(client, $"{path}/accounts/addresses", new JsonArray([.. AccountsOf(customer).Select(account => JsonValue.Create(account.Address))]));
                foreach (var account in AccountsOf(customer))
                {
                    await AssertReadsAsync(client, $"{path}/accounts/{account.Id}", account.ToJson());
                }
            }

            await AssertAddressTakenAsync(client, accounts.First(account => account.Customer.ParticipantId == participant && account.Customer.Status == "Active"));
        }
    }

    private static async Task AssertReadsAsync(HttpClient client, string path, JsonNode expected)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"GET {path}: {body}");
        Assert.That(
            JsonNode.DeepEquals(JsonNode.Parse(body), expected),
            Is.True,
            $"GET {path}\n expected: {expected.ToJsonString()}\n   actual: {body}");
    }

    private static async Task AssertReplayedAsync(HttpClient client, LegacyIdempotentCreate create)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ContractClient.CustomersPath) { Content = ContractClient.Json(create.RequestBody) };
        request.Headers.Add("Idempotency-Key", create.Key);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), body);
            Assert.That(response.Headers.TryGetValues(Replayed, out var replayed) ? replayed : [], Is.EqualTo(new[] { "true" }), $"{create.Key} of {create.Created.ParticipantId} is replayed");
            Assert.That(body, Is.EqualTo(create.ResponseBody));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(create.Location));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo(LegacyIdempotentCreate.ETag));
        });
    }

    /// <summary>The account's address is its participant's again: registering it anew is a duplicate.</summary>
    private static async Task AssertAddressTakenAsync(HttpClient client, LegacyAccount account)
    {
        var body = JsonSerializer.Serialize(new { network = account.Network.ToLowerInvariant(), address = account.Address });
        using var response = await client.PostJsonAsync($"{ContractClient.CustomerPath(account.Customer.Id.ToString())}/accounts", body);
        await response.AssertErrorAsync(409, "DUPLICATE_ACCOUNT_ADDRESS");
    }
}
