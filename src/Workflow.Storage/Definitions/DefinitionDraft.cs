namespace Workflow.Storage.Definitions;

/// <summary>A definition being edited; publishing turns it into a new <see cref="PublishedDefinition"/> version.</summary>
public sealed class DefinitionDraft
{
    public Guid Id { get; set; }
    public required string Kind { get; set; }
    public required string DefinitionId { get; set; }
    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public long Version { get; set; }
}
