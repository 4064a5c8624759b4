namespace Workflow.Storage.History;

/// <summary>Who caused a command's entries, and how the request identified itself.</summary>
public sealed record EntryContext(string Actor, string? OnBehalfOf, string? IdempotencyKey, string? CorrelationId, DateTime At);
