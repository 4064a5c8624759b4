using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using System.Diagnostics;
using Workflow.Api.Definitions;
using Workflow.Api.Telemetry;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Compilation;
using Workflow.Engine.Serialization;
using Workflow.Storage;
using Workflow.Storage.Campaigns;
using Workflow.Storage.History;
using Workflow.Storage.Idempotency;
using Workflow.Storage.Providers;

namespace Workflow.Api.Campaigns;

/// <summary>
/// The write path of every campaign command: decide on the committed state without a lock, then write the new snapshot,
/// the ledger entries, the worklist rows and the idempotency record in one transaction that holds only if the campaign's
/// version is still the one read. On one server, commands to a campaign queue in <see cref="CommandGates"/>, so they do
/// not race; across servers a lost race runs the command again on fresh state.
/// </summary>
public sealed class CampaignCommands(
    CampaignDbContext db, DefinitionCatalog catalog, TimeProvider clock, WorkflowTelemetry telemetry, Timers.TimerProjection timers, CommandGates gates)
{
    private const int MaxAttempts = 12;

    /// <summary>Runs an engine command against a stored campaign.</summary>
    public Task<CommandOutcome> ExecuteAsync(
        Guid campaignId, IfMatch? ifMatch, RequestActor actor, string requestHash,
        Func<CompiledTemplate, CampaignInstance, DateTimeOffset, CampaignResult> command,
        Func<CommandApplied, StoredResponse> respond, CancellationToken cancellationToken) =>
        RunAsync(actor, requestHash, campaignId, ifMatch, async (now, token) =>
        {
            var row = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, token);
            if (row is null) return new CampaignMissing();
            if (ifMatch is { } expected && !expected.Matches(row.Version)) return new VersionMismatch(row.Version, expected.Shown);
            var lookup = await catalog.PinnedTemplateAsync(db, row.TemplateId, row.TemplateVersion, token);
            if (lookup.Compiled is not { } template)
                return new DefinitionUnavailable(row.TemplateId, row.TemplateVersion, lookup.Status, lookup.Problem);
            var state = JsonSerializer.Deserialize<CampaignInstance>(row.StateJson, EngineJson.Options)!;
            // A snapshot written before the engine let go of superseded instances sheds them here, once.
            if (state.Workflow is { } workflow) state = state with { Workflow = Engine.Flowchart.WorkflowEvolver.Compact(workflow) };
            var result = command(template, state, now);
            if (result.Refusal is { } refusal) return new CommandRefused(refusal);
            return Apply(row, template, result, actor, now);
        }, respond, cancellationToken);

    /// <summary>Creates a campaign from a compiled template.</summary>
    public Task<CommandOutcome> CreateAsync(
        CompiledTemplate template, string name, string organization, JsonElement? parameters, RequestActor actor, string requestHash,
        Func<CommandApplied, StoredResponse> respond, CancellationToken cancellationToken) =>
        RunAsync(actor, requestHash, null, null, (now, _) =>
        {
            var result = CampaignEngine.Create(template, parameters, actor.Principal, now);
            if (result.Refusal is { } refusal) return Task.FromResult<CommandOutcome>(new CommandRefused(refusal));
            var row = new CampaignRow
            {
                Id = Guid.NewGuid(), Name = name, Organization = organization,
                TemplateId = template.Identity.DefinitionId, TemplateVersion = template.Identity.Version,
                State = "", Status = "", StateJson = "", HistoryHead = HistoryChain.Genesis,
                CreatedAt = now.UtcDateTime, CreatedBy = actor.Principal, Version = 0,
            };
            db.Campaigns.Add(row);
            return Task.FromResult<CommandOutcome>(Apply(row, template, result, actor, now));
        }, respond, cancellationToken);

    private CommandApplied Apply(CampaignRow row, CompiledTemplate template, CampaignResult result, RequestActor actor, DateTimeOffset now)
    {
        var state = result.State!;
        row.StateJson = JsonSerializer.Serialize(state, EngineJson.Options);
        row.State = state.State;
        row.Status = CampaignStatus.Of(state);
        row.Version += 1;
        row.UpdatedAt = now.UtcDateTime;
        var context = new EntryContext(actor.Principal, actor.OnBehalfOf, actor.IdempotencyKey, actor.CorrelationId, now.UtcDateTime);
        db.History.AddRange(HistoryWriter.Append(row, template, result.Events, context));
        return new CommandApplied(row, state, result.Events);
    }

    private async Task<CommandOutcome> RunAsync(
        RequestActor actor, string requestHash, Guid? campaignId, IfMatch? ifMatch,
        Func<DateTimeOffset, CancellationToken, Task<CommandOutcome>> work,
        Func<CommandApplied, StoredResponse> respond, CancellationToken cancellationToken)
    {
        using var activity = WorkflowTelemetry.Source.StartActivity("campaign.command");
        activity?.SetTag("campaign.id", campaignId);
        var started = Stopwatch.GetTimestamp();
        var outcome = await RunAttemptsAsync(actor, requestHash, campaignId, ifMatch, work, respond, cancellationToken);
        var name = outcome switch
        {
            CommandApplied => "applied",
            CommandRefused => "refused",
            IdempotentReplay => "replayed",
            VersionMismatch => "version_mismatch",
            CampaignMissing => "not_found",
            IdempotencyKeyReused => "key_reused",
            _ => "conflict",
        };
        activity?.SetTag("outcome", name);
        telemetry.CommandFinished(name, Stopwatch.GetElapsedTime(started));
        return outcome;
    }

    private async Task<CommandOutcome> RunAttemptsAsync(
        RequestActor actor, string requestHash, Guid? campaignId, IfMatch? ifMatch,
        Func<DateTimeOffset, CancellationToken, Task<CommandOutcome>> work,
        Func<CommandApplied, StoredResponse> respond, CancellationToken cancellationToken)
    {
        // This server's commands to the campaign run one at a time, so they see each other's commits and do not race.
        using var turn = campaignId is { } gated ? await gates.CampaignAsync(gated, cancellationToken) : null;
        var sqlite = DatabaseProviders.Of(db) == DatabaseProvider.Sqlite;
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                return await strategy.ExecuteAsync(async token =>
                {
                    // Decided on what is committed now, outside any transaction: the reads, the engine and the JSON hold no lock.
                    if (await Replay(actor, requestHash, token) is { } replay) return replay;
                    // Times are truncated to microseconds before they are used, stored or hashed.
                    var now = new DateTimeOffset(UtcTime.Truncate(clock.GetUtcNow()), TimeSpan.Zero);
                    var outcome = await work(now, token);
                    if (outcome is not CommandApplied applied) return outcome;
                    await WorkItemProjection.ApplyAsync(db, applied.Row.Id, applied.Events, token);
                    await timers.ApplyAsync(db, applied.Row.Id, applied.Events, now, token);
                    if (actor.IdempotencyKey is { } key)
                    {
                        var response = respond(applied);
                        db.IdempotencyRecords.Add(new IdempotencyRecord
                        {
                            Principal = actor.Principal, Key = key, RequestHash = requestHash, StatusCode = response.Status,
                            ResponseBody = response.Body, Location = response.Location, ETag = response.ETag, CreatedAt = now.UtcDateTime,
                        });
                    }
                    // Committed in one SaveChanges (one transaction) only if the campaign's version is still the one read:
                    // the update's version check is the lock. A writer that got there first makes it a conflict, run again.
                    using var writer = await gates.WriterAsync(sqlite, token);
                    await db.SaveChangesAsync(token);
                    return outcome;
                }, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (ifMatch is { } expected && campaignId is { } id)
            {
                db.ChangeTracker.Clear();
                var current = await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => (long?)c.Version).SingleOrDefaultAsync(cancellationToken);
                if (current is not { } version) return new CampaignMissing();
                // The version moved under us: report the version that won, not a made-up one.
                if (!expected.Matches(version)) return new VersionMismatch(version, expected.Shown);
                // Still the version asked for: another of the campaign's rows moved (a timer the sweep took); run again.
                if (attempt >= MaxAttempts) return new TooManyConflicts();
            }
            catch (Exception exception) when (WriteConflicts.IsConflict(exception))
            {
                // Another writer committed first (version, sequence or idempotency key): run again on the fresh state.
                if (attempt >= MaxAttempts) return new TooManyConflicts();
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    private async Task<CommandOutcome?> Replay(RequestActor actor, string requestHash, CancellationToken cancellationToken)
    {
        if (actor.IdempotencyKey is not { } key) return null;
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Principal == actor.Principal && r.Key == key, cancellationToken);
        if (record is null) return null;
        return record.RequestHash == requestHash ? new IdempotentReplay(record) : new IdempotencyKeyReused(key);
    }
}
