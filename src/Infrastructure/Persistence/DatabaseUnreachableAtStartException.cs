namespace CustomerService.Infrastructure.Persistence;

/// <summary>
/// The database the service was to migrate at start could not be reached, or refused the login;
/// the reason is already logged, so the process stops without repeating it.
/// </summary>
public sealed class DatabaseUnreachableAtStartException(string location, Exception innerException)
    : Exception($"The {location} could not be used at start.", innerException);
