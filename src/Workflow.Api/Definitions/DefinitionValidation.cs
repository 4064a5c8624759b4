using System.Text.Json;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Engine.Validation;
using Workflow.Storage;

namespace Workflow.Api.Definitions;

/// <summary>
/// Checks a definition document the way loading it would: parse, then compile; a template against
/// the workflows published now. The errors are the engine's, plus one the API adds when the
/// document is not of the kind its URL names.
/// </summary>
public static class DefinitionValidation
{
    /// <summary>The document is a template sent to workflows, or the other way round.</summary>
    public const string KindMismatch = "definition.kind_mismatch";

    public static Task<DefinitionCheck> CheckAsync(
        string kind, JsonElement document, DefinitionCatalog catalog, CampaignDbContext db, CancellationToken cancellationToken) =>
        CheckAsync(kind, document.GetRawText(), DefinitionDocuments.KindOf(document), catalog, db, cancellationToken);

    private static async Task<DefinitionCheck> CheckAsync(
        string kind, string json, string? documentKind, DefinitionCatalog catalog, CampaignDbContext db, CancellationToken cancellationToken)
    {
        var parsed = DefinitionParser.Parse(json);
        if (documentKind is not null && documentKind != kind)
            return new DefinitionCheck(parsed.Identity, [Mismatch(kind)]);
        if (!parsed.Succeeded) return new DefinitionCheck(parsed.Identity, parsed.Errors);
        if (parsed.Workflow is { } workflow) return new DefinitionCheck(parsed.Identity, WorkflowCompiler.Compile(workflow).Errors);
        // Retracted workflows still run the campaigns pinned to them, but new templates may not use them.
        var usable = await catalog.UsableWorkflowsAsync(db, parsed.Template!.Phases.Select(p => p.Workflow), cancellationToken);
        return new DefinitionCheck(parsed.Identity, TemplateCompiler.Compile(parsed.Template, r => usable.GetValueOrDefault(r)).Errors);
    }

    private static ValidationError Mismatch(string kind) => kind == DefinitionKinds.Template
        ? new ValidationError(KindMismatch,
            "This document is a phase workflow (it has no 'phases'); send it to /api/v1/workflows, or add the template's 'phases'.", "")
        : new ValidationError(KindMismatch,
            "This document is a campaign template (it has 'phases'); send it to /api/v1/templates.", "/phases");
}
