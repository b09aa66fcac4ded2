namespace CustomerService.Application.Common.Abstractions;

/// <summary>The participant on whose behalf the current request runs; every customer belongs to one.</summary>
public interface ICurrentParticipant
{
    string Id { get; }
}
