using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerService.Api.Errors;

/// <summary>Source-generated serializer for the error body: no reflection on the error path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ErrorEnvelope))]
internal sealed partial class ErrorJsonContext : JsonSerializerContext;
