using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Paging;
using Workflow.Storage;
using Workflow.Storage.Outbox;

namespace Workflow.Api.Notifications;

/// <param name="Kind">assignment, reminder, escalation, timeout, deadline or notification.</param>
/// <param name="Title">A line to show, in the request's language (Accept-Language).</param>
public sealed record NotificationView(long Id, DateTime At, string Kind, Guid CampaignId, string? TaskId, string Title, bool Read);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, string? NextCursor);

public sealed record UnreadCount(int Count);

/// <summary>
/// The caller's inbox: notifications the ledger implies for their principal (tasks given to them,
/// reminders, escalations, time-outs, deadlines, notification activities), written with the entries.
/// </summary>
public static class NotificationEndpoints
{
    private const string List = "notifications";

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me/notifications").WithTags("Identity").ProducesProblem(401);
        group.MapGet("/", Inbox).WithSummary("The caller's notifications, newest first (unread=true for unread only; keyset paging with after)")
            .ProducesProblem(400);
        group.MapGet("/unread-count", Unread).WithSummary("How many of the caller's notifications are unread");
        group.MapPost("/{id:long}/read", MarkRead).WithSummary("Mark one of the caller's notifications read").ProducesProblem(404);
        return app;
    }

    private static async Task<Results<Ok<NotificationPage>, ProblemHttpResult>> Inbox(bool? unread, string? after, int? limit, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (!Cursor.TryDecode(after, List, out var before)) return ApiProblem.Create(context, 400, ProblemCodes.CursorInvalid);
        if (!TryPrincipal(context, out var principal, out var refusal)) return refusal;
        if (Cursor.Refuse(context, limit) is { } badLimit) return badLimit;
        var take = Cursor.Limit(limit);
        var query = db.Notifications.AsNoTracking().Where(n => n.Principal == principal);
        if (unread == true) query = query.Where(n => !n.Read);
        if (before > 0) query = query.Where(n => n.Id < before);
        var rows = await query.OrderByDescending(n => n.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? Cursor.Encode(List, rows[take - 1].Id) : null;
        var chinese = Messages.IsChinese(context);
        return TypedResults.Ok(new NotificationPage(
            rows.Take(take).Select(n => new NotificationView(n.Id, n.At, n.Kind, n.CampaignId, n.TaskId, Title(n, chinese), n.Read)).ToList(), next));
    }

    private static async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> Unread(HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (!TryPrincipal(context, out var principal, out var refusal)) return refusal;
        // Counted on the (principal, read) index: the inbox's unread part, not the ledger.
        return TypedResults.Ok(new UnreadCount(await db.Notifications.CountAsync(n => n.Principal == principal && !n.Read, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(long id, HttpContext context, CampaignDbContext db, CancellationToken cancellationToken)
    {
        if (!TryPrincipal(context, out var principal, out var refusal)) return refusal;
        // Someone else's notification is as absent as one that does not exist.
        var found = await db.Notifications.Where(n => n.Id == id && n.Principal == principal)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Read, true), cancellationToken);
        if (found == 0)
            return ApiProblem.Create(context, 404, ProblemCodes.NotificationNotFound, ("notificationId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return TypedResults.NoContent();
    }

    private static bool TryPrincipal(HttpContext context, out string principal, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProblemHttpResult? refusal)
    {
        principal = "";
        if (!RequestActor.TryRead(context, out var actor, out refusal)) return false;
        principal = actor.Principal;
        return true;
    }

    internal static string Title(Notification n, bool chinese)
    {
        var task = n.TaskId ?? "";
        return (n.Kind, chinese) switch
        {
            ("assignment", false) => $"Task {task} is assigned to you",
            ("assignment", true) => $"您有新任务：{task}",
            ("reminder", false) => $"Reminder: task {task} is waiting for you",
            ("reminder", true) => $"提醒：任务 {task} 等待您办理",
            ("escalation", false) => $"Task {task} was escalated to you",
            ("escalation", true) => $"任务 {task} 已升级给您",
            ("timeout", false) => $"Task {task} timed out",
            ("timeout", true) => $"任务 {task} 已超时",
            ("deadline", false) => "A phase deadline has passed",
            ("deadline", true) => "阶段截止时间已过",
            (_, false) => n.Subject ?? "New notification",
            (_, true) => n.Subject ?? "新通知",
        };
    }
}
