using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflow.Api.Timers;

/// <summary>
/// A task's reminder points: <see cref="BeforeDue"/> before the due time, at the due time, then every
/// <see cref="OverdueEvery"/> while overdue, <see cref="OverdueMax"/> times. Stored as the reminder timer's payload.
/// Points the clock has already passed when the sweep runs late collapse into one reminder.
/// </summary>
public sealed record ReminderSchedule(DateTime DueAt, TimeSpan BeforeDue, TimeSpan OverdueEvery, int OverdueMax)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IEnumerable<DateTime> Points()
    {
        if (BeforeDue > TimeSpan.Zero) yield return DueAt - BeforeDue;
        yield return DueAt;
        if (OverdueEvery <= TimeSpan.Zero) yield break;
        for (var k = 1; k <= OverdueMax; k++) yield return DueAt + OverdueEvery * k;
    }

    /// <summary>The first point after <paramref name="now"/>, or null when none is left.</summary>
    public DateTime? NextAfter(DateTime now) => Points().Where(p => p > now).Select(p => (DateTime?)p).FirstOrDefault();

    /// <summary>beforeDue, due or overdue: what a reminder at the latest point not after <paramref name="now"/> says.</summary>
    public string StageAt(DateTime now)
    {
        var point = Points().Where(p => p <= now).DefaultIfEmpty(DueAt).Last();
        return point < DueAt ? "beforeDue" : point == DueAt ? "due" : "overdue";
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReminderSchedule? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ReminderSchedule>(json, Json);
}

/// <summary>An escalation timer's payload: whom to escalate to.</summary>
public sealed record EscalationPayload([property: JsonPropertyName("to")] string To)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static EscalationPayload? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<EscalationPayload>(json);
}
