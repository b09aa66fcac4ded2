namespace CustomerService.Infrastructure.Webhooks;

/// <summary>
/// Wakes this instance's dispatcher when this instance has just committed deliveries, so they go out
/// at once rather than at the next poll. Deliveries committed by another instance are found by the
/// poll, as are those PostgreSQL's trigger makes (decision 0023).
/// </summary>
internal sealed class WebhookDispatchSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        // A signal already pending is enough: the dispatcher reads everything due when it wakes.
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another writer signalled between the check and the release.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits until notified or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, cancellationToken);
}
