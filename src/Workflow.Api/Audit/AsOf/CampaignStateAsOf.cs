using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Audit.Query;
using Workflow.Api.Audit.Verification;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Flowchart;
using Workflow.Engine.Serialization;
using Workflow.Storage;

namespace Workflow.Api.Audit.AsOf;

/// <summary>
/// A campaign as it stood at a ledger sequence or a moment: its entries 1..N folded as the engine folded them, with the
/// chain checked on the way, so what an auditor reads is the ledger's word and not the current snapshot's. The cost is
/// that of reading those entries once (streamed, constant memory); only auditors ask, and rarely.
/// </summary>
public static class CampaignStateAsOf
{
    /// <summary>
    /// The state after entry <c>Sequence</c> (written at <c>EntryAt</c>), seen at <c>AsOf</c> (the moment asked for, or the
    /// entry's time): overdue is judged at that moment, gates with the campaign's template version.
    /// </summary>
    public sealed record StateAsOfResponse(
        Guid CampaignId, DateTimeOffset AsOf, long Sequence, DateTimeOffset EntryAt, string Hash, string TemplateId, int TemplateVersion,
        string State, string Status, bool Suspended, string? CurrentPhase, int Round, IReadOnlyList<CampaignProgress.PhaseView> Phases,
        string? WorkflowStatus, IReadOnlyList<CampaignProgress.TaskView> Tasks, IReadOnlyList<GateView> Gates, IReadOnlyList<string> WaitingFor,
        IReadOnlyList<ActivityFault> Faults, IReadOnlyDictionary<string, JsonElement> Variables, IReadOnlyList<JsonElement> Findings);

    public static IEndpointRouteBuilder MapCampaignStateAsOf(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit/campaigns/{id:guid}/state", Get).WithTags("Audit").RequireAuthorization(Roles.Auditors)
            .WithSummary("The campaign as it stood after ledger entry `sequence`, or at the moment `at`, replayed from its ledger")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);
        return app;
    }

    private static async Task<Results<Ok<StateAsOfResponse>, ProblemHttpResult>> Get(
        Guid id, long? sequence, string? at, HttpContext context, CampaignDbContext db, DefinitionCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (sequence is not null && at is not null) return ApiProblem.Create(context, 400, ProblemCodes.AsOfAmbiguous);
        if (sequence is null && at is null) return ApiProblem.Create(context, 400, ProblemCodes.AsOfRequired);
        if (sequence is < 1)
            return ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", "sequence"), ("value", sequence.Value.ToString(CultureInfo.InvariantCulture)));
        if (!AuditFilter.TryParseTime(at, out var moment))
            return ApiProblem.Create(context, 400, ProblemCodes.AuditTimeInvalid, ("parameter", "at"), ("value", at!.Length > 64 ? at[..64] : at));

        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.CreatedAt, Entries = c.HistoryCount, c.TemplateId, c.TemplateVersion }).SingleOrDefaultAsync(cancellationToken);
        if (campaign is null) return CampaignProblems.NotFound(context, id);
        if (sequence > campaign.Entries)
            return ApiProblem.Create(context, 404, ProblemCodes.AsOfNotReached, ("campaignId", id.ToString()),
                ("sequence", sequence.Value.ToString(CultureInfo.InvariantCulture)), ("entries", campaign.Entries.ToString(CultureInfo.InvariantCulture)));

        var entries = db.History.AsNoTracking().Where(h => h.CampaignId == id);
        entries = sequence is { } last ? entries.Where(h => h.Sequence <= last) : entries.Where(h => h.At <= moment!.Value);
        var check = new ChainCheck();
        CampaignInstance? state = null;
        Storage.History.HistoryEntry? reached = null;
        await foreach (var entry in entries.OrderBy(h => h.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (check.Next(entry) is { } broken)
                return ApiProblem.Create(context, 409, ProblemCodes.AsOfLedgerBroken, ("campaignId", id.ToString()),
                    ("sequence", broken.Sequence.ToString(CultureInfo.InvariantCulture)), ("problem", broken.Code));
            state = CampaignEvolver.Apply(state, JsonSerializer.Deserialize<CampaignEvent>(entry.Payload, EngineJson.Options)!);
            reached = entry;
        }
        if (state is null || reached is null)
            return ApiProblem.Create(context, 404, ProblemCodes.AsOfBeforeStart, ("campaignId", id.ToString()),
                ("at", at!.Trim()), ("createdAt", campaign.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));

        // A campaign keeps the template version it was started on (entries name the phase workflow that wrote them).
        var (template, problem) = await CampaignProblems.PinnedTemplateAsync(context, catalog, db, campaign.TemplateId, campaign.TemplateVersion, cancellationToken);
        if (template is null) return (ProblemHttpResult)problem!;
        var asOf = moment is { } requested ? new DateTimeOffset(requested, TimeSpan.Zero) : new DateTimeOffset(reached.At, TimeSpan.Zero);
        return TypedResults.Ok(Build(id, asOf, reached, template, state, context));
    }

    private static StateAsOfResponse Build(
        Guid id, DateTimeOffset asOf, Storage.History.HistoryEntry reached, CompiledTemplate template, CampaignInstance state, HttpContext context)
    {
        var assessment = CampaignEngine.Assess(template, state);
        var variables = state.Variables.Where(v => v.Key != TemplateCompiler.FindingsVariable)
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return new StateAsOfResponse(
            id, asOf, reached.Sequence, new DateTimeOffset(reached.At, TimeSpan.Zero), reached.Hash, template.Identity.DefinitionId, template.Identity.Version,
            state.State, CampaignStatus.Of(state), state.Suspended, template.FindPhase(state.State)?.Id, state.Round,
            CampaignProgress.Phases(template, state, context), state.Workflow?.Status.ToString().ToLowerInvariant(),
            CampaignProgress.Tasks(template, state, context, asOf), assessment.Gates.Select(g => GateView.From(g, context)).ToList(),
            assessment.WaitingFor, state.Workflow?.Faults ?? [], variables, [.. CampaignEvolver.Findings(state), .. state.Workflow?.Findings ?? []]);
    }
}
