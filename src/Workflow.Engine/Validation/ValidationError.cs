using Workflow.Engine.Texts;

namespace Workflow.Engine.Validation;

/// <summary>
/// One problem found in a definition, placed so that a designer can draw it on the right node
/// or connection. <see cref="JsonPointer"/> (RFC 6901) points into the definition file.
/// </summary>
/// <param name="Code">A stable machine code from <see cref="ValidationCodes"/>.</param>
/// <param name="Message">The sentence in English a person can act on (<see cref="MessageIn"/> gives it in another culture).</param>
/// <param name="JsonPointer">Where in the definition document the problem is.</param>
/// <param name="ActivityId">The activity the problem belongs to, if any.</param>
/// <param name="Connection">The connection the problem belongs to, if any.</param>
/// <param name="Arguments">The values the message was built from, for translation.</param>
public sealed record ValidationError(
    string Code,
    string Message,
    string JsonPointer,
    string? ActivityId = null,
    ConnectionRef? Connection = null,
    IReadOnlyDictionary<string, string>? Arguments = null)
{
    /// <summary>A problem whose sentence is a catalog text: English in <see cref="Message"/>, its values in <see cref="Arguments"/>.</summary>
    public ValidationError(string code, EngineText text, string jsonPointer, string? activityId = null, ConnectionRef? connection = null)
        : this(code, text.Render(EngineTexts.English), jsonPointer, activityId, connection, text.ArgumentsWithParts()) => Text = text;

    /// <summary>The sentence as key and arguments; null only for problems built from a plain string (none in the engine).</summary>
    public EngineText? Text { get; init; }

    /// <summary>The sentence in a culture (zh-CN or en).</summary>
    public string MessageIn(string culture) => Text?.Render(culture) ?? Message;
}

/// <summary>Names a connection by its two ends.</summary>
public sealed record ConnectionRef(string Source, string SourcePort, string Target, string TargetPort);
