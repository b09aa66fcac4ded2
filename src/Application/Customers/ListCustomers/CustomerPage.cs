using System.Runtime.CompilerServices;
using CustomerService.Application.Common.Streaming;

namespace CustomerService.Application.Customers.ListCustomers;

/// <summary>
/// A page of customers, streamed as it is read; <paramref name="NextCursor"/> is set when a limit was
/// asked for and more customers remain.
/// </summary>
public sealed record CustomerPage(IAsyncEnumerable<CustomerDto> Items, string? NextCursor) : IStreamedResponse
{
    public IStreamedResponse Observe(IStreamObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return this with { Items = Observed(Items, observer) };
    }

    private static async IAsyncEnumerable<CustomerDto> Observed(
        IAsyncEnumerable<CustomerDto> items,
        IStreamObserver observer,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync();
            }
            catch (Exception exception)
            {
                observer.Failed(exception);
                throw;
            }

            if (!more)
            {
                observer.Completed();
                yield break;
            }

            yield return enumerator.Current;
        }
    }
}
