using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>What became of retracting a version: <see cref="Row"/> is null when there is no such version.</summary>
public sealed record RetractOutcome(PublishedDefinition? Row, bool Changed);
