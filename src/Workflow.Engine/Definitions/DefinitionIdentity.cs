namespace Workflow.Engine.Definitions;

/// <summary>
/// Who a definition is: its id and version, plus the SHA-256 of its canonical JSON, so that two
/// different documents claiming the same version can be told apart.
/// </summary>
public sealed record DefinitionIdentity(string DefinitionId, int Version, string ContentHash)
{
    public override string ToString() => $"{DefinitionId} v{Version}";
}
