using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Api.Definitions;

/// <summary>
/// A draft as the drafts endpoints answer it: who made and changed it, its version (its ETag), its
/// current validation, and its document (left out of the list). Top-level so the OpenAPI document
/// names its schema plainly ("DraftView") for the generated front-end types.
/// </summary>
public sealed record DraftView(
    Guid Id, string Kind, string DefinitionId, long Version, DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt, string UpdatedBy,
    bool Valid, ValidationView.DefinitionIdentityView? Identity, IReadOnlyList<ValidationView.ValidationErrorView> Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Definition);
