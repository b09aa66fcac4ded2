using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CustomerService.Api.IntegrationTests;

/// <summary>The contract's formats and the customer resource (docs/contract.md, sections 1 and 2).</summary>
public static partial class ContractAssert
{
    public static readonly string[] CustomerProperties = ["id", "externalId", "status", "participantId", "accounts", "createdAt", "updatedAt"];

    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Exactly the seven customer fields, in order, with the contract's formats and the given values.</summary>
    public static void Customer(JsonNode? node, string externalId, string status, string participantId)
    {
        var customer = node!.AsObject();
        var json = customer.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(customer.Select(property => property.Key), Is.EqualTo(CustomerProperties), json);
            Assert.That(customer.Id(), Does.Match(LowercaseUuid()), json);
            Assert.That(customer.Text("externalId"), Is.EqualTo(externalId), json);
            Assert.That(customer.Text("status"), Is.EqualTo(status), json);
            Assert.That(customer.Text("participantId"), Is.EqualTo(participantId), json);
            Assert.That(customer["accounts"], Is.InstanceOf<JsonArray>(), json);
            Assert.That(customer.Text("createdAt"), Does.Match(Timestamp()), json);
            Assert.That(customer.Text("updatedAt"), Does.Match(Timestamp()), json);
        });
    }

    public static void JsonUtf8(HttpContentHeaders headers) =>
        Assert.That(headers.ContentType?.ToString(), Is.EqualTo(JsonContentType));

    public static void SameJson(JsonNode? actual, JsonNode? expected) =>
        Assert.That(JsonNode.DeepEquals(actual, expected), Is.True, $"expected {expected?.ToJsonString()} but was {actual?.ToJsonString()}");

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex LowercaseUuid();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    public static partial Regex Timestamp();
}
