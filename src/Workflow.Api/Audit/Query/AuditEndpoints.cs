using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;

namespace Workflow.Api.Audit.Query;

/// <summary>
/// /api/v1/audit/entries: the ledger for auditors, read-only. Filters, keyset pages in (At, Id) order
/// as JSON, or the whole range streamed as CSV or NDJSON, chosen by the Accept header.
/// </summary>
public static class AuditEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapAuditQuery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit/entries", Entries).WithTags("Audit").RequireAuthorization(Roles.Auditors)
            .WithSummary("Ledger entries for auditors (filters: campaignId, organization, actor, kind, phase, task, from, to, text; "
                         + "keyset paging with cursor and limit; Accept: text/csv or application/x-ndjson streams the whole range)")
            .Produces<Page<AuditEntryView>>(200, "application/json", AuditExports.CsvMediaType, AuditExports.NdjsonMediaType)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<Results<Ok<Page<AuditEntryView>>, AuditExports.Export, ProblemHttpResult>> Entries(
        HttpContext context, CampaignDbContext db, Guid? campaignId, string? organization, string? actor, string? kind, string? phase,
        string? task, string? from, string? to, string? text, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!AuditCursor.TryDecode(cursor, out var after)) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (!AuditFilter.TryParseTime(from, out var fromTime))
            return ApiProblem.Create(context, 400, ProblemCodes.AuditTimeInvalid, ("parameter", "from"), ("value", Short(from)));
        if (!AuditFilter.TryParseTime(to, out var toTime))
            return ApiProblem.Create(context, 400, ProblemCodes.AuditTimeInvalid, ("parameter", "to"), ("value", Short(to)));
        if (fromTime > toTime)
            return ApiProblem.Create(context, 400, ProblemCodes.AuditRangeInvalid, ("from", from!.Trim()), ("to", to!.Trim()));

        if (Paging.Cursor.Refuse(context, limit, MaxLimit) is { } badLimit) return badLimit;
        var filter = new AuditFilter(campaignId, AuditFilter.Value(organization), AuditFilter.Value(actor), AuditFilter.Value(kind),
            AuditFilter.Value(phase), AuditFilter.Value(task), fromTime, toTime, AuditFilter.Value(text), after);
        var query = filter.Apply(db.History.AsNoTracking());
        switch (Negotiate(context.Request))
        {
            case AuditExports.CsvMediaType: return AuditExports.Csv(query);
            case AuditExports.NdjsonMediaType: return AuditExports.Ndjson(query);
        }

        var take = limit ?? DefaultLimit;
        var rows = await query.Take(take + 1).ToListAsync(cancellationToken);
        string? next = null;
        if (rows.Count > take)
        {
            var last = rows[take - 1];
            next = AuditCursor.Encode(last.At, last.Id);
        }
        return TypedResults.Ok(new Page<AuditEntryView>(rows.Take(take).Select(AuditEntryView.Of).ToList(), next));
    }

    /// <summary>The representation the Accept header prefers (highest quality, then the order given); JSON when it names none we have.</summary>
    internal static string Negotiate(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        foreach (var media in accepted.OrderByDescending(m => m.Quality ?? 1))
        {
            if (media.Quality is <= 0) continue;
            var type = media.MediaType.Value ?? "";
            if (type.Equals(AuditExports.CsvMediaType, StringComparison.OrdinalIgnoreCase)) return AuditExports.CsvMediaType;
            if (type.Equals(AuditExports.NdjsonMediaType, StringComparison.OrdinalIgnoreCase)) return AuditExports.NdjsonMediaType;
            if (type is "application/json" or "*/*" or "application/*") return "application/json";
        }
        return "application/json";
    }

    private static string Short(string? value) => value is null ? "" : value.Length > 100 ? value[..100] + "…" : value;
}
