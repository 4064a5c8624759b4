using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;
using Workflow.Storage.Organizations;
using static Workflow.Api.Organizations.OrganizationImportReader;

namespace Workflow.Api.Organizations;

/// <summary>
/// POST /api/v1/organizations/import: a whole tree (or a part of one) from a CSV or JSON file, by root admins.
/// Units in the file are created, renamed or moved to match it; units not in it stay. All or nothing: every bad
/// line is reported in one problem and nothing is written. A file the tree already matches writes nothing, not
/// even a ledger entry, so importing the same file twice is safe.
/// </summary>
public static class OrganizationImport
{
    public static void MapOrganizationImport(this RouteGroupBuilder group) =>
        group.MapPost("/import", Import)
            .Accepts<List<Dictionary<string, string?>>>("application/json", "text/csv")
            .WithSummary("Import units from CSV (id,parent,kind,name_zh,name_en) or a JSON array of the same fields; all or nothing")
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(415);

    private static async Task<Results<Ok<OrganizationImportResult>, ProblemHttpResult>> Import(
        HttpContext context, CampaignDbContext db, AccessScope access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!RequestActor.TryRead(context, out var actor, out var refusal)) return refusal;
        if (!await access.HasRoleAsync(Roles.Admin, null, cancellationToken)) return OrganizationProblems.RoleRequired(context, null, Roles.Admin);
        var media = (context.Request.ContentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        if (media is not ("text/csv" or "application/json"))
            return ApiProblem.Create(context, 415, ProblemCodes.MediaTypeUnsupported, variant: "import");
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var errors = new List<LineError>();
        List<Line> lines;
        if (media == "application/json") lines = ReadJson(body, errors);
        else
        {
            string text;
            try { text = new UTF8Encoding(false, true).GetString(body); }
            catch (DecoderFallbackException) { return ApiProblem.Create(context, 400, ProblemCodes.TextInvalid, ("path", "body"), ("character", "bytes that are not UTF-8")); }
            lines = ReadCsv(text, errors);
        }
        Duplicates(lines, errors);

        var now = UtcTime.Truncate(clock.GetUtcNow());
        return await AdministrationLedger.InTransactionAsync<Results<Ok<OrganizationImportResult>, ProblemHttpResult>>(db, async token =>
        {
            var nodes = await db.OrganizationNodes.ToDictionaryAsync(n => n.Id, StringComparer.Ordinal, token);
            // Read in the transaction, so the parents the file names are checked against the tree it changes.
            var paths = Plan(nodes, lines, errors);
            if (paths is null || errors.Count > 0) return Refuse(context, errors);
            int created = 0, updated = 0, moved = 0, unchanged = 0;
            // Top down, so every entry's parent is recorded before it.
            foreach (var line in lines.OrderBy(l => paths[l.Id].Length).ThenBy(l => l.Number))
            {
                if (!nodes.TryGetValue(line.Id, out var node))
                {
                    node = new OrganizationNode
                    {
                        Id = line.Id, ParentId = line.Parent, Kind = line.Kind, NameZh = line.NameZh, NameEn = line.NameEn, Path = paths[line.Id],
                        CreatedAt = now, UpdatedAt = now,
                    };
                    db.OrganizationNodes.Add(node);
                    await AdministrationLedger.AppendAsync(db, OrganizationEndpoints.Created(node), actor, now, token);
                    created++;
                    continue;
                }
                if (node.ParentId == line.Parent && node.Kind == line.Kind && node.NameZh == line.NameZh && node.NameEn == line.NameEn) unchanged++;
                if (OrganizationEndpoints.Changed(node, line.Kind, line.NameZh, line.NameEn) is { } change)
                {
                    node.UpdatedAt = now;
                    await AdministrationLedger.AppendAsync(db, change, actor, now, token);
                    updated++;
                }
                if (node.ParentId != line.Parent)
                {
                    var before = node.ParentId;
                    (node.ParentId, node.Path, node.UpdatedAt) = (line.Parent, paths[line.Id], now);
                    await AdministrationLedger.AppendAsync(db, OrganizationEndpoints.Moved(node, before), actor, now, token);
                    moved++;
                }
            }
            // The units under a moved one move with it.
            foreach (var node in nodes.Values) node.Path = paths[node.Id];
            if (created + updated + moved > 0) await db.SaveChangesAsync(token);
            return TypedResults.Ok(new OrganizationImportResult(created, updated, moved, unchanged));
        }, () => OrganizationProblems.Contended(context), cancellationToken);
    }

    /// <summary>Each unit once: the second and later lines naming it are bad.</summary>
    private static void Duplicates(List<Line> lines, List<LineError> errors)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (first.TryAdd(line.Id, line.Number)) continue;
            errors.Add(new LineError(line.Number, new OrganizationNames.Refusal(ProblemCodes.OrganizationImportDuplicate,
                OrganizationNames.Args(("organizationId", line.Id), ("line", first[line.Id].ToString())))));
        }
    }

    /// <summary>The path of every unit once the file is applied; null (with the bad lines added) when a parent is missing, a cycle forms or a path grows too long.</summary>
    private static Dictionary<string, string>? Plan(Dictionary<string, OrganizationNode> nodes, List<Line> lines, List<LineError> errors)
    {
        var parents = nodes.Values.ToDictionary(n => n.Id, n => n.ParentId, StringComparer.Ordinal);
        foreach (var line in lines) parents[line.Id] = line.Parent;
        var byId = new Dictionary<string, Line>(StringComparer.Ordinal);
        foreach (var line in lines) byId.TryAdd(line.Id, line); // a duplicate is reported already
        foreach (var line in lines.Where(l => l.Parent is not null && !parents.ContainsKey(l.Parent)))
            errors.Add(new LineError(line.Number, new OrganizationNames.Refusal(ProblemCodes.OrganizationParentUnknown,
                OrganizationNames.Args(("organizationId", line.Id), ("parentId", line.Parent!)))));
        // Cycles and depths are only worth checking on a file whose every line is right.
        if (errors.Count > 0) return null;
        var paths = OrganizationTree.Paths(parents, out var onCycle);
        if (paths is null)
        {
            // The database's tree has no cycle, so every unit on this one is a line of the file.
            var at = onCycle!;
            do
            {
                var line = byId[at];
                errors.Add(new LineError(line.Number, new OrganizationNames.Refusal(ProblemCodes.OrganizationCycle,
                    OrganizationNames.Args(("organizationId", line.Id), ("parentId", line.Parent!)))));
                at = line.Parent!;
            } while (at != onCycle);
            return null;
        }
        foreach (var (id, path) in paths.Where(p => p.Value.Length > OrganizationNode.PathMaxLength))
        {
            // Reported on the line of the unit, or of the nearest unit above it that the file moves.
            var at = id;
            while (!byId.ContainsKey(at) && parents[at] is { } up) at = up;
            if (!byId.ContainsKey(at)) continue;
            errors.Add(new LineError(byId[at].Number, new OrganizationNames.Refusal(ProblemCodes.OrganizationTooDeep,
                OrganizationNames.Args(("organizationId", id), ("max", OrganizationNode.PathMaxLength.ToString())))));
        }
        return errors.Count > 0 ? null : paths;
    }

    private static ProblemHttpResult Refuse(HttpContext context, List<LineError> errors)
    {
        var ordered = errors.OrderBy(e => e.Line).ToList();
        var details = ordered.Select(e => new Dictionary<string, object?>
        {
            ["line"] = e.Line, ["code"] = e.Reason.Code, ["message"] = Messages.Detail(context, e.Reason.Code, e.Reason.Arguments), ["arguments"] = e.Reason.Arguments,
        }).ToList();
        return ApiProblem.Create(context, 400, ProblemCodes.OrganizationImportInvalid, OrganizationNames.Args(("count", ordered.Select(e => e.Line).Distinct().Count().ToString())),
            extensions: new Dictionary<string, object?> { ["errors"] = details });
    }
}
