using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerService.Api.IntegrationTests.Accounts;

public sealed class AccountsTests : ServiceFixture
{
    // Each fixed address is used by one test only: (network, address) is unique per participant,
    // and every test here runs as the same participant. Other tests use fresh random addresses.
    private const string Ethereum = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private const string EthereumSecond = "0x52908400098527886E0F7030069857D2E4169EE7";
    private const string Solana = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    private const string Bitcoin = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

    [Test]
    public async Task Add_account_returns_201_with_the_account_and_its_location()
    {
        var customerId = await NewCustomerAsync();

        using var response = await AddAccountAsync(customerId, "ethereum", EthereumSecond, "treasury");
        var account = await response.ReadObjectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(account.Select(property => property.Key), Is.EqualTo(new[] { "id", "network", "address", "label", "createdAt" }));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo($"{AccountsPath(customerId)}/{account["id"]}"));
            Assert.That(account["network"]!.GetValue<string>(), Is.EqualTo("ethereum"));
            Assert.That(account["address"]!.GetValue<string>(), Is.EqualTo(EthereumSecond));
            Assert.That(account["label"]!.GetValue<string>(), Is.EqualTo("treasury"));
            Assert.That(account["createdAt"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"));
        });
    }

    [Test]
    public async Task Account_without_label_omits_it()
    {
        var customerId = await NewCustomerAsync();

        using var response = await AddAccountAsync(customerId, "solana", RandomSolana());
        var account = await response.ReadObjectAsync();

        Assert.That(account.ContainsKey("label"), Is.False);
    }

    [Test]
    public async Task Lowercase_evm_address_is_returned_in_checksum_form()
    {
        var customerId = await NewCustomerAsync();

        using var response = await AddAccountAsync(customerId, "polygon", Ethereum.ToLowerInvariant());
        var account = await response.ReadObjectAsync();

        Assert.That(account["address"]!.GetValue<string>(), Is.EqualTo(Ethereum));
    }

    [Test]
    public async Task Addresses_lists_accounts_of_three_networks_in_creation_order()
    {
        var customerId = await NewCustomerAsync();
        await AddAccountOkAsync(customerId, "ethereum", Ethereum.ToLowerInvariant());
        await AddAccountOkAsync(customerId, "solana", Solana);
        await AddAccountOkAsync(customerId, "bitcoin", Bitcoin.ToUpperInvariant());

        using var response = await Client.GetAsync($"{AccountsPath(customerId)}/addresses");
        var addresses = await response.ReadArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(addresses.Select(address => address!.GetValue<string>()), Is.EqualTo(new[] { Ethereum, Solana, Bitcoin }));
        });
    }

    [Test]
    public async Task Customer_embeds_its_accounts_oldest_first_in_get_and_list()
    {
        var externalId = $"embeds-{Guid.NewGuid():N}";
        var customerId = (await Client.CreateCustomerOkAsync(externalId))["id"]!.GetValue<string>();
        var first = await AddAccountOkAsync(customerId, "ethereum", RandomEvm());
        var second = await AddAccountOkAsync(customerId, "solana", RandomSolana());

        using var get = await Client.GetAsync($"{ContractClient.CustomersPath}/{customerId}");
        using var list = await Client.GetAsync($"{ContractClient.CustomersPath}?externalId={externalId}");
        var fromGet = (await get.ReadObjectAsync())["accounts"]!.AsArray();
        var fromList = (await list.ReadArrayAsync()).Single()!["accounts"]!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(fromGet.Select(account => account!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Id(first), Id(second) }));
            Assert.That(fromList.ToJsonString(), Is.EqualTo(fromGet.ToJsonString()));
        });
    }

    [Test]
    public async Task List_accounts_returns_them_oldest_first()
    {
        var customerId = await NewCustomerAsync();
        var first = await AddAccountOkAsync(customerId, "solana", RandomSolana());
        var second = await AddAccountOkAsync(customerId, "ethereum", RandomEvm());

        using var response = await Client.GetAsync(AccountsPath(customerId));
        var accounts = await response.ReadArrayAsync();

        Assert.That(accounts.Select(account => account!["id"]!.GetValue<string>()), Is.EqualTo(new[] { Id(first), Id(second) }));
    }

    [Test]
    public async Task Get_account_returns_it()
    {
        var customerId = await NewCustomerAsync();
        var added = await AddAccountOkAsync(customerId, "bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "cold");

        using var response = await Client.GetAsync($"{AccountsPath(customerId)}/{Id(added)}");
        var account = await response.ReadObjectAsync();

        Assert.That(account.ToJsonString(), Is.EqualTo(added.ToJsonString()));
    }

    [Test]
    public async Task Get_unknown_account_returns_404()
    {
        var customerId = await NewCustomerAsync();

        using var response = await Client.GetAsync($"{AccountsPath(customerId)}/{Guid.NewGuid()}");

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [Test]
    public async Task Get_account_with_non_uuid_id_returns_400_for_accountId()
    {
        var customerId = await NewCustomerAsync();

        using var response = await Client.GetAsync($"{AccountsPath(customerId)}/not-a-uuid");

        Assert.That((await response.AssertErrorAsync(400, "VALIDATION_ERROR")).Fields(), Is.EqualTo(new[] { "accountId" }));
    }

    [TestCase("POST")]
    [TestCase("GET")]
    public async Task Accounts_of_an_unknown_customer_return_404(string method)
    {
        var path = AccountsPath(Guid.NewGuid().ToString());
        using var response = method == "GET"
            ? await Client.GetAsync(path)
            : await PostAccountAsync(path, "ethereum", RandomEvm());

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [Test]
    public async Task Addresses_of_an_unknown_customer_return_404()
    {
        using var response = await Client.GetAsync($"{AccountsPath(Guid.NewGuid().ToString())}/addresses");

        await response.AssertErrorAsync(404, "NOT_FOUND");
    }

    [TestCase("suspended")]
    [TestCase("inactive")]
    [TestCase("deleted")]
    public async Task Customer_that_is_not_active_refuses_accounts_with_409(string status)
    {
        var customerId = (await Client.CreateCustomerOkAsync($"not-active-{Guid.NewGuid():N}", status))["id"]!.GetValue<string>();

        using var response = await AddAccountAsync(customerId, "ethereum", RandomEvm());

        await response.AssertErrorAsync(409, "CUSTOMER_NOT_ACTIVE");
        Assert.That(await ReadAddressesAsync(customerId), Is.Empty);
    }

    [Test]
    public async Task Same_address_on_two_customers_of_one_participant_is_refused_with_409()
    {
        const string address = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
        var first = await NewCustomerAsync();
        var second = await NewCustomerAsync();
        await AddAccountOkAsync(first, "optimism", address);

        using var response = await AddAccountAsync(second, "optimism", address.ToLowerInvariant());

        await response.AssertErrorAsync(409, "DUPLICATE_ACCOUNT_ADDRESS");
        Assert.That(await ReadAddressesAsync(second), Is.Empty);
    }

    [Test]
    public async Task Same_address_on_another_network_is_accepted()
    {
        const string address = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
        var customerId = await NewCustomerAsync();
        await AddAccountOkAsync(customerId, "arbitrum", address);

        using var response = await AddAccountAsync(customerId, "base", address);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Racing_registrations_of_one_address_give_one_201_and_409s()
    {
        const string address = "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb";
        var customers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => NewCustomerAsync()));

        var responses = await Task.WhenAll(customers.Select(customerId => AddAccountAsync(customerId, "bsc", address)));
        var statuses = responses.Select(response => (int)response.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Count(status => status == 201), Is.EqualTo(1));
            Assert.That(statuses.Count(status => status == 409), Is.EqualTo(customers.Length - 1));
        });
    }

    [Test]
    public async Task Another_participant_may_register_the_same_address()
    {
        var customerId = await NewCustomerAsync();
        var address = RandomEvm();
        await AddAccountOkAsync(customerId, "avalanche", address);
        using var other = new CustomerServiceFactory(Factory.Database, "participant-other");
        using var otherClient = other.CreateClient();
        var otherCustomer = (await otherClient.CreateCustomerOkAsync($"other-{Guid.NewGuid():N}"))["id"]!.GetValue<string>();

        using var response = await PostAccountAsync(otherClient, AccountsPath(otherCustomer), "avalanche", address);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [TestCase("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", TestName = "Evm_address_with_bad_checksum_returns_400_for_address")]
    [TestCase("ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", TestName = "Evm_address_of_wrong_length_returns_400_for_address")]
    [TestCase("ethereum", Bitcoin, TestName = "Bitcoin_address_on_ethereum_returns_400_for_address")]
    [TestCase("solana", "11111111111111111111111111111", TestName = "Solana_key_of_wrong_length_returns_400_for_address")]
    [TestCase("bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", TestName = "Bitcoin_address_with_bad_checksum_returns_400_for_address")]
    [TestCase("bitcoin", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", TestName = "Bitcoin_testnet_address_returns_400_for_address")]
    [TestCase("bitcoin", "", TestName = "Empty_address_returns_400_for_address")]
    public async Task Malformed_address_returns_400_naming_address(string network, string address)
    {
        var customerId = await NewCustomerAsync();

        using var response = await AddAccountAsync(customerId, network, address);

        Assert.That((await response.AssertErrorAsync(400, "VALIDATION_ERROR")).Fields(), Is.EqualTo(new[] { "address" }));
    }

    [TestCase("Ethereum")]
    [TestCase("dogecoin")]
    public async Task Unknown_network_returns_400_naming_network(string network)
    {
        var customerId = await NewCustomerAsync();

        using var response = await AddAccountAsync(customerId, network, RandomEvm());

        Assert.That((await response.AssertErrorAsync(400, "VALIDATION_ERROR")).Fields(), Is.EqualTo(new[] { "network" }));
    }

    [Test]
    public async Task Every_failing_field_is_reported_at_once()
    {
        var customerId = await NewCustomerAsync();

        using var response = await Client.PostAsync(AccountsPath(customerId), ContractClient.Json($"{{\"label\":\"{new string('x', 101)}\"}}"));

        Assert.That((await response.AssertErrorAsync(400, "VALIDATION_ERROR")).Fields(), Is.EquivalentTo(new[] { "network", "address", "label" }));
    }

    [Test]
    public async Task Label_of_100_characters_is_accepted()
    {
        var customerId = await NewCustomerAsync();

        using var response = await AddAccountAsync(customerId, "ethereum", RandomEvm(), new string('x', 100));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Add_account_with_text_body_returns_415()
    {
        var customerId = await NewCustomerAsync();

        using var response = await Client.PostAsync(AccountsPath(customerId), new StringContent("ethereum"));

        await response.AssertErrorAsync(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Test]
    public async Task Adding_an_account_moves_the_customer_etag()
    {
        var customerId = await NewCustomerAsync();
        using var before = await Client.GetAsync($"{ContractClient.CustomersPath}/{customerId}");

        await AddAccountOkAsync(customerId, "ethereum", RandomEvm());
        using var after = await Client.GetAsync($"{ContractClient.CustomersPath}/{customerId}");

        Assert.That(after.Headers.ETag, Is.Not.EqualTo(before.Headers.ETag));
    }

    /// <summary>A fresh EVM address in lowercase, which is accepted as is (no checksum to pass).</summary>
    private static string RandomEvm() => $"0x{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}{Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.Next()))}";

    /// <summary>A fresh 32-byte Solana key.</summary>
    private static string RandomSolana()
    {
        var key = new byte[32];
        Random.Shared.NextBytes(key);
        key[0] = Math.Max((byte)1, key[0]);
        return Base58.Encode(key);
    }

    private static string AccountsPath(string customerId) => $"{ContractClient.CustomersPath}/{customerId}/accounts";

    private static string Id(JsonObject node) => node["id"]!.GetValue<string>();

    private async Task<string> NewCustomerAsync() =>
        Id(await Client.CreateCustomerOkAsync($"accounts-{Guid.NewGuid():N}"));

    private Task<HttpResponseMessage> AddAccountAsync(string customerId, string network, string address, string? label = null) =>
        PostAccountAsync(AccountsPath(customerId), network, address, label);

    private Task<HttpResponseMessage> PostAccountAsync(string path, string network, string address, string? label = null) =>
        PostAccountAsync(Client, path, network, address, label);

    private static Task<HttpResponseMessage> PostAccountAsync(HttpClient client, string path, string network, string address, string? label = null) =>
        client.PostAsync(path, ContractClient.Json(JsonSerializer.Serialize(new { network, address, label })));

    private async Task<JsonObject> AddAccountOkAsync(string customerId, string network, string address, string? label = null)
    {
        using var response = await AddAccountAsync(customerId, network, address, label);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private async Task<IEnumerable<string>> ReadAddressesAsync(string customerId)
    {
        using var response = await Client.GetAsync($"{AccountsPath(customerId)}/addresses");
        return (await response.ReadArrayAsync()).Select(address => address!.GetValue<string>());
    }
}
