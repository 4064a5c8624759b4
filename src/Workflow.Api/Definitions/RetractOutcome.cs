using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>
/// What became of retracting a version: <see cref="Row"/> is null when there is no such version;
/// <see cref="Contended"/> when other definition changes kept winning the race and nothing was written.
/// </summary>
public sealed record RetractOutcome(PublishedDefinition? Row, bool Changed, bool Contended = false);
