using System.Text.Json;
using CustomerService.Api.Json;
using CustomerService.Application.Customers;
using CustomerService.Domain.Customers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.IntegrationTests.Operations;

/// <summary>
/// Customers and accounts are written by hand-written converters; what they write must be exactly
/// what the serializer writes from the records themselves, so a property added to a record and
/// forgotten in the converter fails here.
/// </summary>
public sealed class AnswerJsonTests : ServiceFixture
{
    private static readonly DateTime Created = new(2025, 11, 18, 12, 34, 56, 789, DateTimeKind.Utc);

    private static IEnumerable<TestCaseData> Customers()
    {
        var labelled = new AccountDto(Guid.CreateVersion7(), Network.Ethereum, "0xde709f2102306220921060314715629080e2fb77", "cold <&>'\" \u00e9\u4e2d\ud83d\ude00", Created);
        var unlabelled = new AccountDto(Guid.CreateVersion7(), Network.Bitcoin, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", null, Created.AddMilliseconds(1));
        foreach (var status in Enum.GetValues<CustomerStatus>())
        {
            yield return new TestCaseData(new CustomerDto(Guid.CreateVersion7(), "customer-\"1\"", status, "participant-1", [], Created, Created)).SetArgDisplayNames(status.ToString());
        }

        foreach (var network in Enum.GetValues<Network>())
        {
            var account = new AccountDto(Guid.CreateVersion7(), network, "address", null, new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            yield return new TestCaseData(new CustomerDto(Guid.NewGuid(), "x", CustomerStatus.Active, "p", [account], Created, DateTime.MaxValue)).SetArgDisplayNames(network.ToString());
        }

        yield return new TestCaseData(new CustomerDto(Guid.CreateVersion7(), "with-accounts", CustomerStatus.Active, "participant-1", [labelled, unlabelled], Created, Created.AddDays(1))).SetArgDisplayNames("accounts");
    }

    [TestCaseSource(nameof(Customers))]
    public void A_customer_is_written_as_the_serializer_writes_its_record(CustomerDto customer)
    {
        var (answers, general) = Options();

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(customer, answers), Is.EqualTo(JsonSerializer.Serialize(customer, general)));
            Assert.That(JsonSerializer.Serialize(customer.Accounts, answers), Is.EqualTo(JsonSerializer.Serialize(customer.Accounts, general)));
        });
    }

    [Test]
    public void The_answers_are_written_by_the_hand_written_converters() =>
        Assert.That(Options().Answers.Converters.Select(converter => converter.GetType()), Does.Contain(typeof(CustomerJsonConverter)).And.Contain(typeof(AccountJsonConverter)));

    /// <summary>The options answers are written with, and the same options without the two converters.</summary>
    private (JsonSerializerOptions Answers, JsonSerializerOptions General) Options()
    {
        var answers = Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        var general = new JsonSerializerOptions(answers);
        foreach (var converter in general.Converters.Where(converter => converter is CustomerJsonConverter or AccountJsonConverter).ToList())
        {
            general.Converters.Remove(converter);
        }

        return (answers, general);
    }
}
