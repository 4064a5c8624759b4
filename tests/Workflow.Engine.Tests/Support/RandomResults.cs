using Workflow.Engine.Flowchart;

namespace Workflow.Engine.Tests.Support;

/// <summary>Valid random completions for each task type, driven by a list of choices so CsCheck can shrink them.</summary>
internal sealed class Choices(int[] values)
{
    private int _next;

    public bool Exhausted => _next >= values.Length;

    public int Next(int below) => below <= 1 ? 0 : values[_next++ % values.Length] % below;

    public int Between(int low, int high) => low + Next(high - low + 1);

    /// <summary>A completion a person could really submit for the task, with its outcome.</summary>
    public (string? Outcome, object Result) CompletionFor(string activityType) => activityType switch
    {
        "Campaign.Review" => (Next(10) < 7 ? "Approved" : "ChangesRequested", new { commentCount = Between(0, 5) }),
        "Campaign.DocumentDrafting" => (null, new { documentsPlanned = 6, documentsIssued = Between(0, 6) }),
        "Campaign.OpinionCollection" => (null, Opinions()),
        "Campaign.Talks" => (null, new { talksHeld = Between(0, 100) }),
        "Campaign.Appraisal" => Appraisal(),
        "Campaign.Finding" => (null, new { findings = Enumerable.Range(0, Between(0, 2)).Select(i => SeedFigures.Finding($"问题 {i}", "problem")).ToArray() }),
        "Campaign.RectificationItem" => (null, new { summary = "已整改", evidence = SeedFigures.Documents("evidence") }),
        _ => (null, new { heldOn = "2023-06-10", attendees = Between(0, 50) }),
    };

    private (string?, object) Appraisal()
    {
        var participants = Between(1, 50);
        return (null, new { participants, satisfied = Between(participants / 2, participants) });
    }

    private object Opinions()
    {
        var received = Between(0, 30);
        var resolved = Between(0, received);
        var issued = Between(0, 200);
        return new
        {
            suggestionsReceived = received,
            suggestionsResolved = resolved,
            suggestionsPending = received - resolved,
            formsIssued = issued,
            formsReturned = Between(0, issued),
            findings = Enumerable.Range(0, Between(0, 3)).Select(i => SeedFigures.Finding($"意见 {i}", "opinion")).ToArray(),
        };
    }

    public TaskInstance Pick(IReadOnlyList<TaskInstance> tasks) => tasks[Next(tasks.Count)];
}
