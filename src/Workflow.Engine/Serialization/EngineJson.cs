using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Engine.Serialization;

/// <summary>
/// The JSON settings for storing engine state and events: camelCase, enums as strings, and
/// sorted dictionaries that come back with ordinal ordering whatever the machine's culture.
/// </summary>
public static class EngineJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new OrdinalSortedDictionaryConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
