namespace CustomerService.Soak;

// Reads, status changes, lists and accounts of the customers created.
internal sealed partial class Workload
{
    // ---- reads and status changes ----

    private async Task GetAsync(Participant caller)
    {
        if (_ledger.Pick(caller) is not { } customer)
        {
            await CreateAsync(caller);
            return;
        }

        await ReadAsync("get", caller, customer);
    }

    private async Task GetOthersAsync(Participant caller)
    {
        if (_ledger.Pick(Other(caller)) is not { } theirs)
        {
            return;
        }

        var reply = await _client.SendAsync("get.others", caller, HttpMethod.Get, SoakClient.CustomerPath(theirs.Id));
        if (reply.Answered && reply.Status < 500)
        {
            _checks.TenantIsolation.Check(reply.Is(404, Outcome.NotFound.Code), () => $"{theirs.Id} is {theirs.Owner.Label}'s: {reply.Exchange.Describe()}");
        }
    }

    /// <summary>A status change without If-Match: last write wins, always 200.</summary>
    private async Task PutAsync(Participant caller)
    {
        if (_ledger.Pick(caller) is not { } customer)
        {
            await CreateAsync(caller);
            return;
        }

        var status = Statuses[Random.Shared.Next(Statuses.Length)];
        var reply = await _client.SendAsync("put", caller, HttpMethod.Put, SoakClient.CustomerPath(customer.Id), StatusBody(status));
        if (!reply.Answered)
        {
            customer.MarkStatusUncertain();
        }

        if (_checks.Expect(reply, Outcome.Ok) && ReadCustomer(reply, caller, customer) is { } updated)
        {
            _checks.AsContracted.Check(updated.Status == status, () => $"PUT {status} answered another status: {reply.Exchange.Describe()}");
            await ReadOnOtherInstanceAsync(caller, reply);
        }
    }

    /// <summary>
    /// After a write through one instance (a create or a status change), another instance shows it
    /// at once: the same customer at the version the write answered with, or at a later one if
    /// another writer has moved it on since.
    /// </summary>
    private async Task ReadOnOtherInstanceAsync(Participant caller, Reply write)
    {
        if (_client.Instances < 2 || write.Version is not { } written || Json.TryRead<CustomerBody>(write.Body) is not { } customer)
        {
            return;
        }

        var read = await _client.SendAsync("get.other-instance", caller, HttpMethod.Get, SoakClient.CustomerPath(customer.Id), instance: _client.OtherThan(write.Exchange.Instance));
        if (read.Answered && read.Status < 500)
        {
            var seen = Json.TryRead<CustomerBody>(read.Body);
            _checks.ReadOnOtherInstance.Check(
                read.Is(200) && read.Version >= written
                && seen is not null && seen.ExternalId == customer.ExternalId && seen.CreatedAt == customer.CreatedAt
                && (read.Version != written || (seen.Status == customer.Status && seen.UpdatedAt == customer.UpdatedAt)),
                () => $"wrote {write.Exchange.Describe()}; read {read.Exchange.Describe()}");
        }
    }

    /// <summary>
    /// Read, then change the status with If-Match from the ETag read: 200 when nobody wrote in between
    /// (version up by one if the status changed, the same if not), else 412.
    /// </summary>
    private async Task PutIfMatchAsync(Participant caller)
    {
        if (_ledger.Pick(caller) is not { } customer)
        {
            await CreateAsync(caller);
            return;
        }

        if (await ReadAsync("get", caller, customer) is not ({ } read, { } etag, var version))
        {
            return;
        }

        var status = Statuses[Random.Shared.Next(Statuses.Length)];
        var reply = await _client.SendAsync("put.if-match", caller, HttpMethod.Put, SoakClient.CustomerPath(customer.Id), StatusBody(status), ifMatch: etag);
        if (!reply.Answered)
        {
            customer.MarkStatusUncertain();
        }

        if (_checks.Expect(reply, Outcome.Ok, Outcome.PreconditionFailed) && reply.Is(200) && ReadCustomer(reply, caller, customer) is { } updated)
        {
            var expectedVersion = status == read.Status ? version : version + 1;
            _checks.AsContracted.Check(
                updated.Status == status && reply.Version == expectedVersion,
                () => $"read {read.Status} at {etag}, then PUT {status}: expected status {status} at \"{expectedVersion}\": {reply.Exchange.Describe()}");
            await ReadOnOtherInstanceAsync(caller, reply);
        }
    }

    private async Task PutOthersAsync(Participant caller)
    {
        if (_ledger.Pick(Other(caller)) is not { } theirs)
        {
            return;
        }

        var reply = await _client.SendAsync("put.others", caller, HttpMethod.Put, SoakClient.CustomerPath(theirs.Id), StatusBody(Statuses[Random.Shared.Next(Statuses.Length)]));
        if (reply.Answered && reply.Status < 500)
        {
            _checks.TenantIsolation.Check(reply.Is(404, Outcome.NotFound.Code), () => $"{theirs.Id} is {theirs.Owner.Label}'s: {reply.Exchange.Describe()}");
        }
    }

    // ---- lists ----

    private async Task ListFullAsync(Participant caller)
    {
        if (await CustomerLists.FullAsync(_client, _checks, "list.full", caller) is { } list)
        {
            CheckList(caller, list, complete: true);
        }
    }

    /// <summary>Pages through the whole list; the limit keeps it within a few dozen pages.</summary>
    private async Task ListPagedAsync(Participant caller)
    {
        var smallest = (_ledger.CustomersOf(caller).Count / 40) + 1;
        var limit = Math.Min(1000, Math.Max(smallest, Random.Shared.Next(1, 200)));
        if (await CustomerLists.PagedAsync(_client, _checks, "list.page", caller, limit) is { } list)
        {
            CheckList(caller, list, complete: true);
        }
    }

    /// <summary>A status filter holds only that status; an externalId filter finds exactly its customer.</summary>
    private async Task ListFilteredAsync(Participant caller)
    {
        if (Random.Shared.Next(2) == 0)
        {
            var status = Statuses[Random.Shared.Next(Statuses.Length)];
            if (await CustomerLists.FullAsync(_client, _checks, "list.status", caller, $"?status={status}") is { } list)
            {
                CheckList(caller, list, complete: false);
                _checks.ListsUnderLoad.Check(
                    list.Items.All(item => item.Status == status),
                    () => $"status={status} listed {list.Items.First(item => item.Status != status).Id} as {list.Items.First(item => item.Status != status).Status}: {list.First.Exchange.Describe()}");
            }

            return;
        }

        if (_ledger.Pick(caller) is not { } customer)
        {
            return;
        }

        if (await CustomerLists.FullAsync(_client, _checks, "list.externalId", caller, ExternalIdQuery(customer.ExternalId)) is { } found)
        {
            CheckList(caller, found, complete: false);
            _checks.ListsUnderLoad.Check(
                found.Items.Count == 1 && found.Items[0].Id == customer.Id,
                () => $"externalId={customer.ExternalId} must list exactly {customer.Id}: {found.First.Exchange.Describe()}");
        }
    }

    // ---- accounts ----

    private async Task AddAccountAsync(Participant caller)
    {
        if (_ledger.Pick(caller, customer => customer.LatestStatus == "active") is not { } customer)
        {
            await CreateAsync(caller);
            return;
        }

        var (network, address, body) = NewAccount();
        var reply = await _client.SendAsync("account.add", caller, HttpMethod.Post, SoakClient.AccountsPath(customer.Id), body);
        _checks.Expect(reply, Outcome.Created, Outcome.CustomerNotActive);
        RegisterAccount(reply, customer, network, address);
    }

    /// <summary>An account add with a key, then the same again: the first account comes back, not a conflict.</summary>
    private async Task KeyedAccountReplayAsync(Participant caller)
    {
        if (_ledger.Pick(caller, customer => customer.LatestStatus == "active") is not { } customer)
        {
            await CreateAsync(caller);
            return;
        }

        var key = NewKey();
        var (network, address, body) = NewAccount();
        var first = await _client.SendAsync("account.add.keyed", caller, HttpMethod.Post, SoakClient.AccountsPath(customer.Id), body, key);
        if (_checks.Expect(first, Outcome.Created, Outcome.CustomerNotActive))
        {
            _checks.AsContracted.Check(!first.Exchange.Replayed, () => $"the first request with a key is no replay: {first.Exchange.Describe()}");
        }

        if (RegisterAccount(first, customer, network, address) is not { } account)
        {
            return;
        }

        var replay = await _client.SendAsync("account.add.keyed.replay", caller, HttpMethod.Post, SoakClient.AccountsPath(customer.Id), body, key);
        _checks.IdempotentReplay.Check(
            replay.Is(201) && replay.Exchange.Replayed && Json.TryRead<AccountBody>(replay.Body)?.Id == account.Id,
            () => $"the first answered 201 with account {account.Id}; the replay: {replay.Exchange.Describe()}");
        RegisterAccount(replay, customer, network, address);
    }

    /// <summary>A customer's accounts or addresses hold every account added before the read began.</summary>
    private async Task ReadAccountsAsync(Participant caller)
    {
        if (_ledger.Pick(caller, customer => customer.Accounts().Count > 0) is not { } customer)
        {
            await AddAccountAsync(caller);
            return;
        }

        var startTick = _client.Tick;
        var known = customer.Accounts().Where(account => account.Tick <= startTick).ToList();
        if (Random.Shared.Next(2) == 0)
        {
            var reply = await _client.SendAsync("account.list", caller, HttpMethod.Get, SoakClient.AccountsPath(customer.Id));
            if (_checks.Expect(reply, Outcome.Ok))
            {
                var accounts = Json.TryRead<List<AccountBody>>(reply.Body);
                _checks.AccountsKept.Check(
                    accounts is not null
                    && known.All(account => accounts.Exists(listed => listed.Id == account.Id))
                    && accounts.Zip(accounts.Skip(1)).All(pair => string.CompareOrdinal(pair.First.CreatedAt, pair.Second.CreatedAt) < 0),
                    () => $"expected oldest first and to hold {string.Join(", ", known.Select(account => account.Id))}: {reply.Exchange.Describe()}");
            }
        }
        else
        {
            var reply = await _client.SendAsync("account.addresses", caller, HttpMethod.Get, $"{SoakClient.AccountsPath(customer.Id)}/addresses");
            if (_checks.Expect(reply, Outcome.Ok))
            {
                var addresses = Json.TryRead<List<string>>(reply.Body);
                _checks.AccountsKept.Check(
                    addresses is not null && known.All(account => addresses.Exists(listed => string.Equals(listed, account.Address, StringComparison.OrdinalIgnoreCase))),
                    () => $"expected to hold {string.Join(", ", known.Select(account => account.Address))}: {reply.Exchange.Describe()}");
            }
        }
    }
}
