namespace CustomerService.Soak;

// The checks every operation makes on what it is answered, and the bookkeeping of what was created.
internal sealed partial class Workload
{
    /// <summary>GETs a customer and checks it against what is known; returns it with its ETag and version.</summary>
    private async Task<(CustomerBody? Customer, string? ETag, int Version)> ReadAsync(string operation, Participant caller, TrackedCustomer customer)
    {
        var startTick = _client.Tick;
        var reply = await _client.SendAsync(operation, caller, HttpMethod.Get, SoakClient.CustomerPath(customer.Id));
        if (!_checks.Expect(reply, Outcome.Ok) || ReadCustomer(reply, caller, customer) is not { } read)
        {
            return (null, null, 0);
        }

        var known = customer.Accounts().Where(account => account.Tick <= startTick).ToList();
        _checks.AccountsKept.Check(
            known.All(account => read.Accounts.Any(listed => listed.Id == account.Id)),
            () => $"expected to hold accounts {string.Join(", ", known.Select(account => account.Id))}: {reply.Exchange.Describe()}");
        return (read, reply.Exchange.ETag, reply.Version ?? 0);
    }

    /// <summary>
    /// Reads a 200 customer body: the customer asked for, of the caller, with an ETag. Records the
    /// status it shows at that version.
    /// </summary>
    private CustomerBody? ReadCustomer(Reply reply, Participant caller, TrackedCustomer customer)
    {
        var body = Json.TryRead<CustomerBody>(reply.Body);
        var wellFormed = body is not null
            && body.Id == customer.Id
            && body.ExternalId == customer.ExternalId
            && body.CreatedAt == customer.CreatedAt
            && Statuses.Contains(body.Status)
            && Timestamp().IsMatch(body.UpdatedAt)
            && reply.Version is not null;
        if (!_checks.AsContracted.Check(wellFormed, () => $"expected customer {customer.Id} ({customer.ExternalId}, created {customer.CreatedAt}) with an ETag: {reply.Exchange.Describe()}"))
        {
            return null;
        }

        _checks.TenantIsolation.Check(body!.ParticipantId == caller.Id, () => $"answered to {caller}: {reply.Exchange.Describe()}");
        customer.Observe(reply.Version!.Value, body.Status, reply.Exchange.Sequence);
        return body;
    }

    /// <summary>
    /// Records the customer a 201 create returned, after checking it is what was sent. Returns null
    /// for any other answer. A replayed answer is the stored body of the first (the contract keeps
    /// status and body, not headers), so it is not taken as a sight of the customer's current state.
    /// </summary>
    private TrackedCustomer? Register(Reply reply, Participant caller, string externalId, string status)
    {
        if (!reply.Is(201))
        {
            return null;
        }

        var body = Json.TryRead<CustomerBody>(reply.Body);
        var wellFormed = body is not null
            && body.ExternalId == externalId
            && body.Status == status
            && body.Accounts.Count == 0
            && Timestamp().IsMatch(body.CreatedAt)
            && body.CreatedAt == body.UpdatedAt
            && (reply.Exchange.Replayed || (reply.Version is not null && reply.Exchange.Location == SoakClient.CustomerPath(body.Id)));
        _checks.AsContracted.Check(wellFormed, () => $"a 201 returns the customer as sent (and, unless replayed, ETag and Location): {reply.Exchange.Describe()}");
        if (body is null)
        {
            return null;
        }

        var tracked = _ledger.Register(caller, body, reply.Tick);
        var own = _checks.TenantIsolation.Check(
            body.ParticipantId == caller.Id && tracked.Owner.Label == caller.Label,
            () => $"created for {caller} but belongs to {body.ParticipantId} or was {tracked.Owner.Label}'s already: {reply.Exchange.Describe()}");
        if (own && !reply.Exchange.Replayed && reply.Version is { } version)
        {
            tracked.Observe(version, body.Status, reply.Exchange.Sequence);
        }

        return own ? tracked : null;
    }

    /// <summary>Records the account a 201 add returned, after checking it is what was sent.</summary>
    private TrackedAccount? RegisterAccount(Reply reply, TrackedCustomer customer, string network, string address)
    {
        if (!reply.Answered)
        {
            customer.MarkAccountsUncertain();
        }

        if (!reply.Is(201))
        {
            return null;
        }

        var body = Json.TryRead<AccountBody>(reply.Body);
        var wellFormed = body is not null
            && body.Network == network
            && string.Equals(body.Address, address, StringComparison.OrdinalIgnoreCase)
            && Timestamp().IsMatch(body.CreatedAt)
            && (reply.Exchange.Replayed || reply.Exchange.Location == $"{SoakClient.AccountsPath(customer.Id)}/{body.Id:D}");
        _checks.AsContracted.Check(wellFormed, () => $"a 201 returns the account as sent (and, unless replayed, Location): {reply.Exchange.Describe()}");
        if (body is null)
        {
            return null;
        }

        var account = new TrackedAccount(body.Id, network, address, reply.Tick);
        if (!reply.Exchange.Replayed)
        {
            customer.AddAccount(account);
        }

        return account;
    }

    /// <summary>
    /// A list holds none twice, oldest first, only the caller's customers, and (when it is the whole
    /// list) every customer the caller created before it began.
    /// </summary>
    private void CheckList(Participant caller, CustomerList list, bool complete)
    {
        var items = list.Items;
        var duplicate = items.GroupBy(item => item.Id).FirstOrDefault(group => group.Count() > 1)?.Key;
        var outOfOrder = items.Zip(items.Skip(1)).FirstOrDefault(pair => string.CompareOrdinal(pair.First.CreatedAt, pair.Second.CreatedAt) > 0);
        _checks.ListsUnderLoad.Check(
            duplicate is null && outOfOrder == default,
            () => $"{(duplicate is null ? $"{outOfOrder.Second.Id} listed after the newer {outOfOrder.First.Id}" : $"{duplicate} listed twice")}: {list.First.Exchange.Describe()}");

        var foreign = items.FirstOrDefault(item => item.ParticipantId != caller.Id || _ledger.Find(item.Id) is { } known && known.Owner.Label != caller.Label);
        _checks.TenantIsolation.Check(foreign is null, () => $"{caller}'s list holds {foreign!.Id} of {foreign.ParticipantId}: {list.First.Exchange.Describe()}");

        if (complete)
        {
            var listed = items.Select(item => item.Id).ToHashSet();
            var missing = _ledger.CustomersOf(caller).Where(customer => customer.Tick <= list.StartTick && !listed.Contains(customer.Id)).ToList();
            _checks.ListsUnderLoad.Check(
                missing.Count == 0,
                () => $"{missing.Count} customers created before the list began are not in it, e.g. {missing[0].Id} ({missing[0].ExternalId}, created {missing[0].CreatedAt}): {list.First.Exchange.Describe()}");
        }
    }
}
