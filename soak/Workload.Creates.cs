namespace CustomerService.Soak;

// Creates, without and with an Idempotency-Key.
internal sealed partial class Workload
{
    // ---- creates without a key ----

    private async Task CreateAsync(Participant caller)
    {
        var externalId = FreshExternalId(caller);
        var status = CreateStatus();
        var reply = await _client.SendAsync("create", caller, HttpMethod.Post, SoakClient.CustomersPath, CreateBody(externalId, status));
        _checks.Expect(reply, Outcome.Created);
        if (Register(reply, caller, externalId, status) is not null)
        {
            await ReadOnOtherInstanceAsync(caller, reply);
        }
    }

    /// <summary>An externalId the participant already has: always 409.</summary>
    private async Task CreateDuplicateAsync(Participant caller)
    {
        if (_ledger.Pick(caller) is not { } existing)
        {
            await CreateAsync(caller);
            return;
        }

        var status = CreateStatus();
        var reply = await _client.SendAsync("create.duplicate", caller, HttpMethod.Post, SoakClient.CustomersPath, CreateBody(existing.ExternalId, status));
        _checks.Expect(reply, Outcome.DuplicateExternalId);
        Register(reply, caller, existing.ExternalId, status);
    }

    /// <summary>Three creates of one new externalId at once, spread over the instances: exactly one may win.</summary>
    private async Task CreateRaceAsync(Participant caller)
    {
        var externalId = FreshExternalId(caller);
        var status = CreateStatus();
        var body = CreateBody(externalId, status);
        var replies = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            _client.SendAsync("create.race", caller, HttpMethod.Post, SoakClient.CustomersPath, body, instance: i)));
        foreach (var reply in replies)
        {
            _checks.Expect(reply, Outcome.Created, Outcome.DuplicateExternalId);
            Register(reply, caller, externalId, status);
        }

        if (replies.All(reply => reply.Answered && reply.Status < 500))
        {
            _checks.DuplicateRace.Check(
                replies.Count(reply => reply.Is(201)) == 1,
                () => string.Join(" | ", replies.Select(reply => reply.Exchange.Describe())));
        }
    }

    /// <summary>externalIds are case-sensitive: one differing only in letter case is another customer.</summary>
    private async Task CreateCaseVariantAsync(Participant caller)
    {
        var existing = _ledger.Pick(caller);
        var variant = existing?.ExternalId.ToUpperInvariant();
        if (existing is null || variant == existing.ExternalId || !_ledger.Claim(caller, variant!))
        {
            await CreateAsync(caller);
            return;
        }

        var status = CreateStatus();
        var reply = await _client.SendAsync("create.case-variant", caller, HttpMethod.Post, SoakClient.CustomersPath, CreateBody(variant!, status));
        _checks.Expect(reply, Outcome.Created);
        Register(reply, caller, variant!, status);
    }

    /// <summary>Another participant's externalId never collides with this participant's.</summary>
    private async Task CreateOthersExternalIdAsync(Participant caller)
    {
        if (_ledger.Pick(Other(caller)) is not { } theirs || !_ledger.Claim(caller, theirs.ExternalId))
        {
            await CreateAsync(caller);
            return;
        }

        var status = CreateStatus();
        var reply = await _client.SendAsync("create.others-externalId", caller, HttpMethod.Post, SoakClient.CustomersPath, CreateBody(theirs.ExternalId, status));
        if (reply.Answered && reply.Status < 500)
        {
            _checks.TenantIsolation.Check(reply.Is(201), () => $"{theirs.ExternalId} is only {Other(caller).Label}'s: {reply.Exchange.Describe()}");
        }

        Register(reply, caller, theirs.ExternalId, status);
    }

    // ---- creates with an Idempotency-Key ----

    private async Task KeyedCreateAsync(Participant caller) => await FirstKeyedCreateAsync(caller, NewKey());

    /// <summary>The same key and body again once the first has answered, through another instance: the first answer comes back.</summary>
    private async Task KeyedReplayAsync(Participant caller)
    {
        var key = NewKey();
        if (await FirstKeyedCreateAsync(caller, key) is not { } first)
        {
            return;
        }

        var replay = await _client.SendAsync(
            "create.keyed.replay", caller, HttpMethod.Post, SoakClient.CustomersPath, first.Body, key, instance: _client.OtherThan(first.Instance));
        var replayed = Json.TryRead<CustomerBody>(replay.Body);
        _checks.IdempotentReplay.Check(
            replay.Is(201) && replay.Exchange.Replayed && replayed?.Id == first.Customer.Id,
            () => $"the first answered 201 with id {first.Customer.Id}; the replay: {replay.Exchange.Describe()}");
        Register(replay, caller, first.Customer.ExternalId, first.Status);
    }

    /// <summary>The same key with another body: refused, and nothing is created.</summary>
    private async Task KeyReuseAsync(Participant caller)
    {
        var key = NewKey();
        if (await FirstKeyedCreateAsync(caller, key) is not { Customer: var created })
        {
            return;
        }

        var otherExternalId = FreshExternalId(caller);
        var status = CreateStatus();
        var reuse = await _client.SendAsync("create.keyed.reuse", caller, HttpMethod.Post, SoakClient.CustomersPath, CreateBody(otherExternalId, status), key);
        var refused = _checks.IdempotencyKeyReuse.Check(
            reuse.Is(422, Outcome.KeyReused.Code),
            () => $"key first used for {created.ExternalId} ({created.Id}); reused: {reuse.Exchange.Describe()}");
        Register(reuse, caller, otherExternalId, status);
        if (refused)
        {
            var lookup = await CustomerLists.FullAsync(_client, _checks, "list.externalId", caller, ExternalIdQuery(otherExternalId));
            if (lookup is not null)
            {
                _checks.IdempotencyKeyReuse.Check(
                    lookup.Items.Count == 0,
                    () => $"the refused request still created {otherExternalId}: {lookup.First.Exchange.Describe()}");
            }
        }
    }

    /// <summary>Two requests with one key and body at once, to two instances: one customer, the other a replay of it or 409 IN_USE.</summary>
    private async Task KeyConcurrentAsync(Participant caller)
    {
        var key = NewKey();
        var externalId = FreshExternalId(caller);
        var status = CreateStatus();
        var body = CreateBody(externalId, status);
        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            _client.SendAsync("create.keyed.concurrent", caller, HttpMethod.Post, SoakClient.CustomersPath, body, key, instance: i)));
        foreach (var reply in replies)
        {
            Register(reply, caller, externalId, status);
        }

        if (!replies.All(reply => reply.Answered && reply.Status < 500))
        {
            return;
        }

        var ids = replies.Where(reply => reply.Is(201)).Select(reply => Json.TryRead<CustomerBody>(reply.Body)?.Id).Distinct().ToList();
        _checks.IdempotencyConcurrent.Check(
            ids.Count == 1 && ids[0] is not null
            && replies.Count(reply => reply.Is(201) && !reply.Exchange.Replayed) == 1
            && replies.All(reply => reply.Is(201) || reply.Is(409, Outcome.KeyInUse.Code)),
            () => string.Join(" | ", replies.Select(reply => reply.Exchange.Describe())));
    }

    /// <summary>Keys are per participant: the other participant's use of the same key and body is its own create.</summary>
    private async Task KeyPerParticipantAsync(Participant caller)
    {
        var other = Other(caller);
        var key = NewKey();
        if (await FirstKeyedCreateAsync(caller, key) is not { } first || !_ledger.Claim(other, first.Customer.ExternalId))
        {
            return;
        }

        var created = first.Customer;
        var theirs = await _client.SendAsync("create.keyed.other-participant", other, HttpMethod.Post, SoakClient.CustomersPath, first.Body, key);
        var theirsCreated = Register(theirs, other, created.ExternalId, first.Status);
        if (theirs.Answered && theirs.Status < 500)
        {
            _checks.IdempotencyPerParticipant.Check(
                theirs.Is(201) && !theirs.Exchange.Replayed && theirsCreated is not null && theirsCreated.Id != created.Id,
                () => $"{caller.Label} created {created.Id} with this key; {other.Label}: {theirs.Exchange.Describe()}");
        }
    }

    /// <summary>A create with a fresh key: 201, not marked as a replay. Returns the customer and what was sent.</summary>
    private async Task<KeyedCreate?> FirstKeyedCreateAsync(Participant caller, string key)
    {
        var externalId = FreshExternalId(caller);
        var status = CreateStatus();
        var body = CreateBody(externalId, status);
        var reply = await _client.SendAsync("create.keyed", caller, HttpMethod.Post, SoakClient.CustomersPath, body, key);
        if (_checks.Expect(reply, Outcome.Created))
        {
            _checks.AsContracted.Check(!reply.Exchange.Replayed, () => $"the first request with a key is no replay: {reply.Exchange.Describe()}");
        }

        return Register(reply, caller, externalId, status) is { } created ? new KeyedCreate(created, body, status, reply.Exchange.Instance) : null;
    }
}
