using System.Collections.Immutable;
using Workflow.Engine.Validation;
using Workflow.Storage.Definitions;

namespace Workflow.Api.Definitions;

/// <summary>What became of publishing a draft.</summary>
public abstract record PublishOutcome
{
    /// <summary>Stored as a new version; the draft is gone and the catalog holds the version.</summary>
    public sealed record Published(PublishedDefinition Row) : PublishOutcome;

    /// <summary>No draft of that kind has that id.</summary>
    public sealed record DraftMissing : PublishOutcome;

    /// <summary>If-Match named another version of the draft.</summary>
    public sealed record DraftChanged(long Current, string Expected) : PublishOutcome;

    /// <summary>The definition has problems; nothing was written.</summary>
    public sealed record Rejected(ImmutableArray<ValidationError> Errors) : PublishOutcome;

    /// <summary>Other publications kept taking the next version (or changing the draft); nothing was written.</summary>
    public sealed record Contended : PublishOutcome;
}
