using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Serialization;
using Workflow.Storage;

namespace Workflow.Api.Campaigns;

/// <summary>
/// What a campaign has gathered so far, read from its current state: the findings (carried from finished phases, and
/// recorded in the current one) and the variables (the campaign's, and the current phase workflow's).
/// </summary>
public static class CampaignData
{
    /// <summary>Findings as the engine keeps them: each with its id, the task that recorded it, and what that task wrote.</summary>
    public sealed record FindingsResponse(
        Guid CampaignId, long Version, string? CurrentPhase, IReadOnlyList<JsonElement> Carried, IReadOnlyList<JsonElement> InCurrentPhase);

    /// <summary>The campaign's inputs and phase outputs by name (findings are their own resource), and the current phase workflow's variables.</summary>
    public sealed record VariablesResponse(
        Guid CampaignId, long Version, IReadOnlyDictionary<string, JsonElement> Campaign, string? CurrentPhase, IReadOnlyDictionary<string, JsonElement> Phase);

    public static void MapCampaignData(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/findings", Findings)
            .WithSummary("The campaign's findings: carried forward from finished phases, and recorded in the current one");
        group.MapGet("/{id:guid}/variables", Variables)
            .WithSummary("The campaign's variables (inputs and phase outputs) and the current phase workflow's variables");
    }

    private static async Task<Results<Ok<FindingsResponse>, ProblemHttpResult>> Findings(
        Guid id, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (await StateAsync(db, id, cancellationToken) is not var (version, state)) return CampaignProblems.NotFound(context, id);
        context.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(new FindingsResponse(id, version, state.Workflow is null ? null : state.State,
            CampaignEvolver.Findings(state), state.Workflow?.Findings ?? []));
    }

    private static async Task<Results<Ok<VariablesResponse>, ProblemHttpResult>> Variables(
        Guid id, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (await StateAsync(db, id, cancellationToken) is not var (version, state)) return CampaignProblems.NotFound(context, id);
        context.Response.Headers.ETag = $"\"{version}\"";
        var campaign = state.Variables.Where(v => v.Key != TemplateCompiler.FindingsVariable).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return TypedResults.Ok(new VariablesResponse(id, version, campaign, state.Workflow is null ? null : state.State,
            state.Workflow?.Variables ?? (IReadOnlyDictionary<string, JsonElement>)new Dictionary<string, JsonElement>()));
    }

    private static async Task<(long Version, CampaignInstance State)?> StateAsync(CampaignDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Version, c.StateJson }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Version, JsonSerializer.Deserialize<CampaignInstance>(row.StateJson, EngineJson.Options)!);
    }
}
