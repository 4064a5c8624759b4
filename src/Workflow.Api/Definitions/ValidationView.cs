using System.Text.Json.Serialization;
using Workflow.Engine.Definitions;
using Workflow.Engine.Validation;

namespace Workflow.Api.Definitions;

/// <summary>
/// A definition's validation as a designer reads it: valid or not, its identity when it has one,
/// and each problem where the engine placed it (a JSON Pointer, and the activity or connection).
/// </summary>
public sealed record ValidationView(bool Valid, ValidationView.DefinitionIdentityView? Identity, IReadOnlyList<ValidationView.ValidationErrorView> Errors)
{
    public sealed record DefinitionIdentityView(string DefinitionId, int Version, string ContentHash);

    public sealed record ValidationErrorView(
        string Code,
        string Message,
        string JsonPointer,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActivityId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ConnectionRef? Connection,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Arguments);

    /// <summary>The check with each problem's message in <paramref name="culture"/> (zh-CN or en); codes and arguments are the same in both.</summary>
    public static ValidationView From(DefinitionCheck check, string culture) => new(
        check.Valid,
        check.Identity is { } identity ? IdentityOf(identity) : null,
        ErrorsOf(check.Errors, culture));

    public static DefinitionIdentityView IdentityOf(DefinitionIdentity identity) => new(identity.DefinitionId, identity.Version, identity.ContentHash);

    public static IReadOnlyList<ValidationErrorView> ErrorsOf(IEnumerable<ValidationError> errors, string culture) =>
        errors.Select(e => new ValidationErrorView(e.Code, e.MessageIn(culture), e.JsonPointer, e.ActivityId, e.Connection, e.Arguments)).ToList();
}
