using System.Net.Http.Headers;
using CustomerService.Api.IntegrationTests.Events;

namespace CustomerService.Api.IntegrationTests.Migrations;

/// <summary>
/// Events stored before the feed was ordered by transaction (positions 1, 2, 3… per participant)
/// keep their order through the upgrade, and every event stored after it follows them, on each
/// participant's feed (decision 0023).
/// </summary>
public sealed class EventOrderUpgradeTests
{
    private const string LastBefore = "WebhookAttemptRetention";

    public static IEnumerable<TestCaseData> Engines() =>
        MigrationEngines.Names.Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(Engines))]
    public async Task Events_stored_before_the_upgrade_keep_their_order_and_new_events_follow_them(string engineName)
    {
        await using var engine = MigrationEngines.Create(engineName);
        await engine.MigrateToAsync(engine.MigrationNamed(LastBefore));

        // Both participants have positions 1 and 2; A's third event was stored first of all.
        var occurred = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var stored = new List<(string Participant, long Position, Guid Id)>
        {
            (LegacyData.ParticipantA, 3, Guid.NewGuid()),
            (LegacyData.ParticipantB, 1, Guid.NewGuid()),
            (LegacyData.ParticipantA, 1, Guid.NewGuid()),
            (LegacyData.ParticipantB, 2, Guid.NewGuid()),
            (LegacyData.ParticipantA, 2, Guid.NewGuid()),
        };
        foreach (var (participant, position, id) in stored)
        {
            await engine.ExecuteAsync(
                """INSERT INTO "Events" ("Id", "ParticipantId", "Position", "Type", "CustomerId", "OccurredAt", "Body") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)""",
                id, participant, position, "customer.created", Guid.NewGuid(), occurred, $$"""{"id":"{{id}}","type":"customer.created"}""");
        }

        using var service = await engine.UpgradeAndStartServiceAsync();
        foreach (var participant in new[] { LegacyData.ParticipantA, LegacyData.ParticipantB })
        {
            using var client = service.CreateAnonymousClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Mint(participant));
            var before = stored.Where(e => e.Participant == participant).OrderBy(e => e.Position).Select(e => e.Id.ToString()).ToList();

            var created = await client.CreateCustomerOkAsync(ContractClient.UniqueExternalId("after-upgrade"));
            using (await client.UpdateStatusAsync(created.Id(), "suspended"))
            {
            }

            var feed = (await client.ReadAllAsync()).Select(e => e.Text("id")).ToList();
            var afterLast = (await client.ReadAllAsync($"{EventClient.EventsPath}?after={before[^1]}")).Types().ToList();
            Assert.Multiple(() =>
            {
                Assert.That(feed.Take(before.Count), Is.EqualTo(before), $"{participant}: the stored events' order");
                Assert.That(feed, Has.Count.EqualTo(before.Count + 2), $"{participant}: the events stored after the upgrade");
                Assert.That(afterLast, Is.EqualTo(new[] { "customer.created", "customer.status_changed" }), $"{participant}: polling after the last stored event");
            });
        }
    }
}
