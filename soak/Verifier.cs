using System.Collections.Concurrent;

namespace CustomerService.Soak;

/// <summary>
/// The checks made once the workload has stopped and nothing else writes: every customer created is
/// there exactly once, in its final state, and the list, the pages and the counts agree.
/// </summary>
internal sealed class Verifier(SoakClient client, Ledger ledger, Invariants checks, IReadOnlyList<Participant> participants, int concurrency)
{
    /// <summary>The customers each participant had before the run, or null when a list could not be read.</summary>
    public async Task<IReadOnlyDictionary<string, HashSet<Guid>>?> BaselineAsync()
    {
        var baseline = new Dictionary<string, HashSet<Guid>>();
        foreach (var participant in participants)
        {
            if (await CustomerLists.FullAsync(client, checks, "baseline.list", participant) is not { } list)
            {
                return null;
            }

            baseline[participant.Label] = [.. list.Items.Select(item => item.Id)];
        }

        return baseline;
    }

    public async Task VerifyAsync(IReadOnlyDictionary<string, HashSet<Guid>> baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var listed = new ConcurrentDictionary<Guid, CustomerBody>();
        foreach (var participant in participants)
        {
            if (await CustomerLists.FullAsync(client, checks, "verify.list.full", participant) is not { } full)
            {
                foreach (var invariant in new[] { checks.ListedOnce, checks.CountsAddUp, checks.ExternalIdUnique, checks.PagingMatchesFull })
                {
                    invariant.Check(false, () => $"{participant}'s full list could not be read after the run (see responses-as-contracted)");
                }

                continue;
            }

            CheckFullList(participant, full, baseline[participant.Label]);
            foreach (var item in full.Items)
            {
                listed.TryAdd(item.Id, item);
            }

            await CheckPagingAsync(participant, full);
        }

        await Parallel.ForEachAsync(
            ledger.All,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (customer, _) => await VerifyCustomerAsync(customer, listed.GetValueOrDefault(customer.Id)));
    }

    private void CheckFullList(Participant participant, CustomerList full, HashSet<Guid> before)
    {
        var items = full.Items;
        var timesListed = items.GroupBy(item => item.Id).ToDictionary(group => group.Key, group => group.Count());
        var created = ledger.CustomersOf(participant);
        foreach (var customer in created)
        {
            var times = timesListed.GetValueOrDefault(customer.Id);
            checks.ListedOnce.Check(times == 1, () => $"{customer.Id} ({customer.ExternalId}) of {participant} is listed {times} times: {full.First.Exchange.Describe()}");
        }

        foreach (var group in items.GroupBy(item => item.ExternalId, StringComparer.Ordinal))
        {
            checks.ExternalIdUnique.Check(
                group.Count() == 1,
                () => $"externalId '{group.Key}' of {participant} is listed {group.Count()} times, as {string.Join(", ", group.Select(item => item.Id))}");
        }

        var createdIds = created.Select(customer => customer.Id).ToHashSet();
        var fresh = createdIds.Count(id => !before.Contains(id));
        var expected = before.Count + fresh;
        checks.CountsAddUp.Check(items.Count == expected, () =>
        {
            var unknown = items.Where(item => !before.Contains(item.Id) && !createdIds.Contains(item.Id)).ToList();
            var lost = client.Exchanges.Count(exchange =>
                exchange.Participant == participant.Label && exchange.Method == "POST"
                && exchange.Path == SoakClient.CustomersPath && exchange.TransportError is not null);
            return $"{participant}: {before.Count} before + {fresh} created (201) = {expected}, but the full list has {items.Count}; "
                + $"{unknown.Count} listed that no 201 returned{(unknown.Count == 0 ? string.Empty : ", e.g. " + string.Join(", ", unknown.Take(3).Select(item => $"{item.Id} ({item.ExternalId})")))}; "
                + $"{lost} creates got no answer";
        });

        var foreign = items.FirstOrDefault(item => item.ParticipantId != participant.Id || ledger.Find(item.Id) is { } known && known.Owner.Label != participant.Label);
        checks.TenantIsolation.Check(foreign is null, () => $"{participant}'s full list holds {foreign!.Id} of {foreign.ParticipantId}");
    }

    /// <summary>Pages through the list at a few sizes and compares each concatenation with the full list.</summary>
    private async Task CheckPagingAsync(Participant participant, CustomerList full)
    {
        var ids = full.Items.Select(item => item.Id).ToList();
        var small = Math.Clamp((ids.Count / 300) + 1, 1, 1000);
        foreach (var limit in new[] { 1000, 97, small }.Distinct())
        {
            var paged = await CustomerLists.PagedAsync(client, checks, "verify.list.page", participant, limit);
            if (paged is null)
            {
                checks.PagingMatchesFull.Check(false, () => $"{participant}: paging with limit={limit} did not complete (see responses-as-contracted)");
                continue;
            }

            var pagedIds = paged.Items.Select(item => item.Id).ToList();
            checks.PagingMatchesFull.Check(pagedIds.SequenceEqual(ids), () =>
            {
                var at = pagedIds.Zip(ids).TakeWhile(pair => pair.First == pair.Second).Count();
                return $"{participant}, limit={limit}: the pages hold {pagedIds.Count} customers, the full list {ids.Count}; they differ first at position {at} "
                    + $"({(at < pagedIds.Count ? pagedIds[at] : "end")} paged, {(at < ids.Count ? ids[at] : "end")} in the full list)";
            });
        }
    }

    private async Task VerifyCustomerAsync(TrackedCustomer customer, CustomerBody? listed)
    {
        var reply = await client.SendAsync("verify.get", customer.Owner, HttpMethod.Get, SoakClient.CustomerPath(customer.Id));
        var body = reply.Is(200) ? Json.TryRead<CustomerBody>(reply.Body) : null;
        var readable = checks.CreatedReadable.Check(
            body is not null
            && body.Id == customer.Id
            && body.ExternalId == customer.ExternalId
            && body.ParticipantId == customer.Owner.Id
            && body.CreatedAt == customer.CreatedAt
            && reply.Version is not null,
            () => $"created {customer.Id} ({customer.ExternalId}, {customer.CreatedAt}) for {customer.Owner}; now: {reply.Exchange.Describe()}");
        if (!readable)
        {
            return;
        }

        if (listed is not null)
        {
            checks.ListedOnce.Check(
                listed.Status == body!.Status && listed.UpdatedAt == body.UpdatedAt && listed.Accounts.Count == body.Accounts.Count,
                () => $"the full list shows {customer.Id} as {listed.Status}, updated {listed.UpdatedAt}, {listed.Accounts.Count} accounts; GET: {reply.Exchange.Describe()}");
        }

        CheckFinalStatus(customer, body!, reply);
        await CheckAccountsAsync(customer, body!, reply);
    }

    /// <summary>
    /// Every change of status moves the version, and the PUT that made it answered with that version.
    /// So the status at the highest version any response showed is the last one written, and the
    /// customer must still have it (accounts added since move the version but not the status).
    /// </summary>
    private void CheckFinalStatus(TrackedCustomer customer, CustomerBody final, Reply reply)
    {
        var finalVersion = reply.Version!.Value;
        var seen = customer.Observations().OrderBy(observation => observation.Version).ToList();
        var conflict = seen.GroupBy(observation => observation.Version).FirstOrDefault(group => group.Select(observation => observation.Status).Distinct().Count() > 1);
        var latest = seen.Count == 0 ? null : seen[^1];
        var held = conflict is null
            && (latest is null || latest.Version <= finalVersion)
            && (latest is null || customer.StatusUncertain || latest.Status == final.Status);
        checks.FinalStatus.Check(held, () =>
        {
            var history = string.Join(", ", seen.TakeLast(8).Select(observation => $"\"{observation.Version}\" {observation.Status} (request {observation.Sequence})"));
            var last = latest is null ? null : client.Exchanges.FirstOrDefault(exchange => exchange.Sequence == latest.Sequence);
            return $"{customer.Id}: final GET shows {final.Status} at \"{finalVersion}\"; seen: {history}"
                + (last is null ? string.Empty : $"; the latest: {last.Describe()}");
        });
    }

    /// <summary>The customer holds exactly the accounts added with a 201, and its addresses list them in order.</summary>
    private async Task CheckAccountsAsync(TrackedCustomer customer, CustomerBody final, Reply reply)
    {
        var added = customer.Accounts();
        var finalById = final.Accounts.ToDictionary(account => account.Id);
        var kept = added.All(account =>
                finalById.TryGetValue(account.Id, out var held)
                && held.Network == account.Network
                && string.Equals(held.Address, account.Address, StringComparison.OrdinalIgnoreCase))
            && (customer.AccountsUncertain || final.Accounts.Count == added.Count)
            && final.Accounts.Zip(final.Accounts.Skip(1)).All(pair => string.CompareOrdinal(pair.First.CreatedAt, pair.Second.CreatedAt) < 0);
        checks.AccountsKept.Check(
            kept,
            () => $"added with 201: {string.Join(", ", added.Select(account => $"{account.Id} {account.Network} {account.Address}"))}; now: {reply.Exchange.Describe()}");

        if (final.Accounts.Count == 0)
        {
            return;
        }

        var addresses = await client.SendAsync("verify.addresses", customer.Owner, HttpMethod.Get, $"{SoakClient.AccountsPath(customer.Id)}/addresses");
        if (checks.Expect(addresses, Outcome.Ok))
        {
            var listed = Json.TryRead<List<string>>(addresses.Body);
            checks.AccountsKept.Check(
                listed is not null && listed.SequenceEqual(final.Accounts.Select(account => account.Address), StringComparer.Ordinal),
                () => $"expected {string.Join(", ", final.Accounts.Select(account => account.Address))}: {addresses.Exchange.Describe()}");
        }
    }
}
