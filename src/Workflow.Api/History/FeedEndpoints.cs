using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Workflow.Api.Errors;
using Workflow.Storage;
using Workflow.Storage.Feed;

namespace Workflow.Api.History;

/// <summary>
/// The events feed: every ledger entry of every stream in commit order, for integrators — paged
/// (with an optional long-poll) and as a Server-Sent Events stream. Positions are handed out only
/// once every lower one is committed, so a follower never skips an entry (see FeedReader).
/// </summary>
public static class FeedEndpoints
{
    private const int MaxLimit = 1000;
    private const int MaxWaitSeconds = 30;

    /// <summary>A page of the feed. <c>cursor</c> is where to go on from (always); <c>nextCursor</c> the same, but only while more is already there.</summary>
    public sealed record FeedPage(IReadOnlyList<HistoryEndpoints.LedgerEntryView> Items, string? NextCursor, string Cursor) : Paging.IPage
    {
        // The feed goes on: its next page starts after the last position read, even when that page is empty for now.
        string? Paging.IPage.NextPosition => Cursor;
    }

    /// <param name="LastId">The newest entry's id (compatibility); <paramref name="Cursor"/> is the position to pass as <c>after</c>.</param>
    public sealed record FeedHead(long LastId, string Cursor);

    public static IEndpointRouteBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/events", Feed).WithTags("History")
            .WithSummary("Ledger entries across campaigns in commit order (after = the cursor of the previous page; wait = seconds to wait for news)")
            .ProducesProblem(400).ProducesProblem(401);
        app.MapGet("/api/v1/events/head", Head).WithTags("History")
            .WithSummary("Where the feed is now: pass its cursor as after to receive only what is committed from now on")
            .ProducesProblem(401);
        app.MapGet("/api/v1/events/stream", Stream).WithTags("History")
            .WithSummary("The feed as Server-Sent Events (text/event-stream), resumable with Last-Event-ID")
            .Produces<string>(200, "text/event-stream").ProducesProblem(400).ProducesProblem(401);
        return app;
    }

    public static IServiceCollection AddFeed(this IServiceCollection services)
    {
        services.AddSingleton<FeedWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedWatcher>());
        return services;
    }

    private static async Task<Results<Ok<FeedPage>, ProblemHttpResult>> Feed(
        string? after, int? limit, int? wait, Guid? campaign, string? organization, [FromQuery(Name = "kind")] string[]? kind, bool? definitions,
        HttpContext context, CampaignDbContext db, FeedWatcher watcher, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit) return Invalid(context, "limit", limit);
        if (wait is < 0 or > MaxWaitSeconds) return Invalid(context, "wait", wait);
        var filter = FeedFilter.Parse(campaign, organization, kind, definitions, out var unknownKind);
        if (unknownKind is not null) return ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", "kind"), ("value", unknownKind));
        if (await FeedReader.ResolveAsync(db, after, cancellationToken) is not { } position)
            return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);

        var take = limit ?? 50;
        var deadline = DateTime.UtcNow.AddSeconds(wait ?? 0);
        // At most this many windows per request: a rare filter over a long ledger answers with an
        // empty page and a cursor further on, rather than scanning without end.
        for (var windows = 0; ; windows++)
        {
            var window = await FeedReader.ReadAsync(db, position, filter.IsEmpty ? take : FeedReader.MaxWindow, cancellationToken);
            var matches = window.Entries.Where(e => filter.Matches(e.Entry)).Take(take).ToList();
            var cursor = matches.Count == take ? matches[^1].Position : window.Next;
            var more = window.Full || (matches.Count == take && !ReferenceEquals(matches[^1], window.Entries[^1]));
            var done = matches.Count > 0 || windows >= 10 || (!window.Full && DateTime.UtcNow >= deadline);
            if (done)
                return TypedResults.Ok(new FeedPage(matches.Select(e => HistoryEndpoints.View(e.Entry)).ToList(), more ? cursor.ToString() : null, cursor.ToString()));
            position = cursor;
            if (!window.Full) await watcher.WaitPastAsync(position, deadline - DateTime.UtcNow, cancellationToken);
        }
    }

    private static async Task<Ok<FeedHead>> Head(CampaignDbContext db, CancellationToken cancellationToken)
    {
        var head = await FeedReader.HeadAsync(db, cancellationToken);
        return TypedResults.Ok(new FeedHead(head.Id, head.ToString()));
    }

    private static async Task<Results<EventStream, ProblemHttpResult>> Stream(
        string? after, Guid? campaign, string? organization, [FromQuery(Name = "kind")] string[]? kind, bool? definitions,
        HttpContext context, CampaignDbContext db, FeedWatcher watcher, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken cancellationToken)
    {
        var filter = FeedFilter.Parse(campaign, organization, kind, definitions, out var unknownKind);
        if (unknownKind is not null) return ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", "kind"), ("value", unknownKind));
        // A reconnecting EventSource sends the last id it saw; it wins over the query's starting point.
        var from = context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastEventId ? lastEventId : after;
        if (await FeedReader.ResolveAsync(db, from, cancellationToken) is not { } position)
            return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);

        return new EventStream(async (body, token) =>
        {
            var options = json.Value.SerializerOptions;
            var lastBeat = DateTime.UtcNow;
            while (!token.IsCancellationRequested)
            {
                var window = await FeedReader.ReadAsync(db, position, FeedReader.MaxWindow, token);
                var text = new StringBuilder();
                foreach (var entry in window.Entries.Where(e => filter.Matches(e.Entry)))
                {
                    text.Append("id: ").Append(entry.Position.ToString()).Append("\nevent: entry\ndata: ")
                        .Append(JsonSerializer.Serialize(HistoryEndpoints.View(entry.Entry), options)).Append("\n\n");
                }
                // Entries the filter left out still move the stream on: an id alone updates Last-Event-ID.
                if (text.Length == 0 && window.Entries.Count > 0) text.Append("id: ").Append(window.Next.ToString()).Append("\n\n");
                position = window.Next;
                if (text.Length == 0 && DateTime.UtcNow - lastBeat > TimeSpan.FromSeconds(15)) text.Append(": heartbeat\n\n");
                if (text.Length > 0)
                {
                    await body.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), token);
                    await body.FlushAsync(token);
                    lastBeat = DateTime.UtcNow;
                }
                if (!window.Full) await watcher.WaitPastAsync(position, TimeSpan.FromSeconds(15), token);
            }
        });
    }

    private static ProblemHttpResult Invalid(HttpContext context, string parameter, int? value) =>
        ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", parameter), ("value", value?.ToString(CultureInfo.InvariantCulture) ?? ""));

    /// <summary>A text/event-stream response that runs until the client goes away.</summary>
    private sealed class EventStream(Func<Stream, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/event-stream";
            httpContext.Response.Headers.CacheControl = "no-cache";
            // Proxies (nginx) would otherwise hold the events back.
            httpContext.Response.Headers["X-Accel-Buffering"] = "no";
            await httpContext.Response.Body.FlushAsync(httpContext.RequestAborted);
            try
            {
                await write(httpContext.Response.Body, httpContext.RequestAborted);
            }
            catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
            {
                // The client went away: the normal end of a stream.
            }
        }
    }
}
