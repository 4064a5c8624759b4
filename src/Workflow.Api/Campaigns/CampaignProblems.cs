using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Errors;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Incidents;

namespace Workflow.Api.Campaigns;

/// <summary>The one place that maps engine refusals and storage outcomes to HTTP statuses and problem details.</summary>
public static class CampaignProblems
{
    public static ProblemHttpResult Refused(HttpContext context, CampaignRefusal refusal)
    {
        var status = refusal.Code switch
        {
            "task.not_found" or IncidentCodes.NotFound => 404,
            // A request that cannot be right whatever the campaign's state: a skip must say why.
            IncidentCodes.SkipReasonRequired => 400,
            IncidentCodes.OutcomeInvalid => 422,
            "task.result_invalid" or "task.assignee_invalid" or CampaignRefusalCodes.InputsInvalid
                or CampaignRefusalCodes.ReasonRequired or CampaignRefusalCodes.PhaseUnknown => 422,
            _ => 409,
        };
        var arguments = new Dictionary<string, string>(refusal.Arguments);
        var culture = Messages.Culture(context);
        if (Messages.IsChinese(context)) RefusalWording.ToChinese(arguments);
        // The guards' reasons, rendered by the engine's catalog in the caller's language.
        if (refusal.Code == CampaignRefusalCodes.TriggerNotPermitted)
            arguments["reasons"] = refusal.Reasons.IsDefaultOrEmpty
                ? Engine.Texts.EngineText.Of("guard.state_forbids").Render(culture)
                : Engine.Texts.EngineText.List("list.semicolon", refusal.Reasons).Render(culture);
        var extensions = new Dictionary<string, object?>();
        if (!refusal.Gates.IsDefaultOrEmpty) extensions["gates"] = refusal.Gates.Select(g => GateView.From(g, context)).ToList();
        if (!refusal.UnmetGuards.IsDefaultOrEmpty) extensions["unmetGuards"] = refusal.UnmetGuards;
        if (!refusal.WaitingFor.IsDefaultOrEmpty) extensions["waitingFor"] = refusal.WaitingFor;
        if (!refusal.FieldErrors.IsDefaultOrEmpty)
            extensions["errors"] = refusal.FieldErrors.Select(e => new { pointer = e.Field, code = e.Code, message = e.Message, arguments = e.Arguments }).ToList();
        return ApiProblem.Create(context, status, refusal.Code, arguments, refusal.Message, extensions);
    }

    /// <summary>
    /// A campaign pinned to a template version that cannot be loaded: 503, since the campaign is
    /// fine and the request too; the server cannot serve it until the version's row is restored.
    /// </summary>
    public static ProblemHttpResult DefinitionUnavailable(
        HttpContext context, string templateId, int version, Definitions.LookupStatus status, string? problem) =>
        ApiProblem.Create(context, 503, ProblemCodes.DefinitionUnavailable,
            ("templateId", templateId), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("reason", status == Definitions.LookupStatus.Missing
                ? Messages.IsChinese(context) ? "数据库中没有该已发布版本" : "the published version is not in the database"
                : (Messages.IsChinese(context) ? "无法编译：" : "it does not compile: ") + problem));

    /// <summary>The template a campaign is pinned to, or the problem to answer when it cannot be loaded.</summary>
    public static async Task<(Engine.Compilation.CompiledTemplate? Template, ProblemHttpResult? Problem)> PinnedTemplateAsync(
        HttpContext context, Definitions.DefinitionCatalog catalog, Storage.CampaignDbContext db, Storage.Campaigns.CampaignRow row,
        CancellationToken cancellationToken) =>
        await PinnedTemplateAsync(context, catalog, db, row.TemplateId, row.TemplateVersion, cancellationToken);

    /// <summary>A template version a campaign was (or is) pinned to, or the problem to answer when it cannot be loaded.</summary>
    public static async Task<(Engine.Compilation.CompiledTemplate? Template, ProblemHttpResult? Problem)> PinnedTemplateAsync(
        HttpContext context, Definitions.DefinitionCatalog catalog, Storage.CampaignDbContext db, string templateId, int version,
        CancellationToken cancellationToken)
    {
        var lookup = await catalog.PinnedTemplateAsync(db, templateId, version, cancellationToken);
        return lookup.Compiled is { } template
            ? (template, null)
            : (null, DefinitionUnavailable(context, templateId, version, lookup.Status, lookup.Problem));
    }

    public static ProblemHttpResult NotFound(HttpContext context, Guid id) =>
        ApiProblem.Create(context, 404, ProblemCodes.CampaignNotFound, ("campaignId", id.ToString()));

    public static ProblemHttpResult PreconditionFailed(HttpContext context, long current, string expected) =>
        ApiProblem.Create(context, 412, ProblemCodes.PreconditionFailed, ("current", current.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("expected", expected));
}
