namespace CustomerService.Domain.Common;

/// <summary>
/// A value a client sent, read once by the domain's rules: either the value, or the refusals that
/// say, field by field, why it is not acceptable. A refused value cannot be taken out: asking for it
/// throws its first refusal as a <see cref="DomainValidationException"/>, which the client is told
/// about like any other invalid field, so code that forgot to look at the refusals cannot go on
/// with an unchecked value.
/// </summary>
public sealed class Checked<T>
{
    private readonly T _value;

    internal Checked(T value, IReadOnlyList<Refusal> refusals)
    {
        _value = value;
        Refusals = refusals;
    }

    /// <summary>Why the value is not acceptable; empty when it is.</summary>
    public IReadOnlyList<Refusal> Refusals { get; }

    public bool IsAccepted => Refusals.Count == 0;

    /// <summary>The accepted value; throws the first refusal when it was refused.</summary>
    public T Value =>
        IsAccepted
            ? _value
            : throw new DomainValidationException(Refusals[0].Field, Refusals[0].Message);

    /// <summary>The value turned by <paramref name="selector"/>, or the same refusals.</summary>
    public Checked<TResult> Select<TResult>(Func<T, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return IsAccepted ? Checked.Accept(selector(_value)) : Checked.Refuse<TResult>(Refusals);
    }
}

/// <summary>Makes <see cref="Checked{T}"/> values.</summary>
public static class Checked
{
    public static Checked<T> Accept<T>(T value) => new(value, []);

    public static Checked<T> Refuse<T>(string field, string message) => new(default!, [new Refusal(field, message)]);

    public static Checked<T> Refuse<T>(IReadOnlyList<Refusal> refusals)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        return refusals.Count > 0
            ? new Checked<T>(default!, refusals)
            : throw new ArgumentException("A refused value needs at least one refusal.", nameof(refusals));
    }
}
