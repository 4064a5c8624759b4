using System.Text.Json;
using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;
using Workflow.Engine.Validation;

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

    public static DefinitionCheck Check(string kind, JsonElement document, DefinitionCatalog catalog) =>
        Check(kind, document.GetRawText(), DefinitionDocuments.KindOf(document), catalog);

    private static DefinitionCheck Check(string kind, string json, string? documentKind, DefinitionCatalog catalog)
    {
        var parsed = DefinitionParser.Parse(json);
        if (documentKind is not null && documentKind != kind)
            return new DefinitionCheck(parsed.Identity, [Mismatch(kind)]);
        if (!parsed.Succeeded) return new DefinitionCheck(parsed.Identity, parsed.Errors);
        var errors = parsed.Workflow is { } workflow
            ? WorkflowCompiler.Compile(workflow).Errors
            // Retracted workflows stay loaded for the campaigns pinned to them, but new templates may not use them.
            : TemplateCompiler.Compile(parsed.Template!, r => catalog.FindUsableWorkflow(r.DefinitionId, r.Version)).Errors;
        return new DefinitionCheck(parsed.Identity, errors);
    }

    private static ValidationError Mismatch(string kind) => kind == DefinitionKinds.Template
        ? new ValidationError(KindMismatch,
            "This document is a phase workflow (it has no 'phases'); send it to /api/v1/workflows, or add the template's 'phases'.", "")
        : new ValidationError(KindMismatch,
            "This document is a campaign template (it has 'phases'); send it to /api/v1/templates.", "/phases");
}
