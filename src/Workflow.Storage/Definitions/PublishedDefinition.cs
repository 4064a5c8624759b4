namespace Workflow.Storage.Definitions;

/// <summary>An immutable published version of a phase workflow or campaign template.</summary>
public sealed class PublishedDefinition
{
    public long Id { get; set; }

    /// <summary>"workflow" or "template".</summary>
    public required string Kind { get; set; }

    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string ContentHash { get; set; }
    public required string Json { get; set; }

    /// <summary>"file" when imported from workflows/ at start-up, "api" when published over HTTP.</summary>
    public required string Source { get; set; }

    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    public DateTime? RetractedAt { get; set; }
    public string? RetractedBy { get; set; }
}
