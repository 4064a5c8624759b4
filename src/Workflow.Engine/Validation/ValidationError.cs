namespace Workflow.Engine.Validation;

/// <summary>
/// One problem found in a definition, placed so that a designer can draw it on the right node
/// or connection. <see cref="JsonPointer"/> (RFC 6901) points into the definition file.
/// </summary>
/// <param name="Code">A stable machine code from <see cref="ValidationCodes"/>.</param>
/// <param name="Message">An English sentence a person can act on.</param>
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
    IReadOnlyDictionary<string, string>? Arguments = null);

/// <summary>Names a connection by its two ends.</summary>
public sealed record ConnectionRef(string Source, string SourcePort, string Target, string TargetPort);
