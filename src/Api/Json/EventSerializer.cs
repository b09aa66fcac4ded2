using System.Text.Json;
using CustomerService.Application.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CustomerService.Api.Json;

/// <summary>Writes events with the answers' own JSON options, so a customer in an event reads like the customer the API returns.</summary>
internal sealed class EventSerializer(IOptions<JsonOptions> options) : IEventSerializer
{
    private readonly JsonSerializerOptions _options = options.Value.JsonSerializerOptions;

    public string Serialize(EventDto value) => JsonSerializer.Serialize(value, _options);
}
