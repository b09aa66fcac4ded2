namespace CustomerService.Application.Common.Streaming;

/// <summary>
/// A response whose items are read from the database while they are written to the client, after
/// the handler has returned. The pipeline's behaviors watch its items through
/// <see cref="Observe"/>, so that a request is reported handled when its last item has been read,
/// and a failure midway is reported where any other failure is.
/// </summary>
public interface IStreamedResponse
{
    /// <summary>The same response, whose items tell <paramref name="observer"/> how their reading ends.</summary>
    IStreamedResponse Observe(IStreamObserver observer);
}

/// <summary>
/// Told once how a streamed response's items ended: read to the end, or failed (a client that went
/// away fails the read with its cancellation). A reader that simply stops asking tells it nothing.
/// </summary>
public interface IStreamObserver
{
    void Completed();

    void Failed(Exception exception);
}
