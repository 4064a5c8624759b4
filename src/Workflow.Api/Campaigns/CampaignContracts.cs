using System.Text.Json;

namespace Workflow.Api.Campaigns;

/// <summary>Start a campaign from a published template version.</summary>
/// <param name="Parameters">Values for the template's inputs; defaults fill the rest.</param>
public sealed record CreateCampaignRequest(string TemplateId, int TemplateVersion, string Name, string Organization, JsonElement? Parameters);

/// <summary>A campaign as the API shows it. <see cref="Version"/> is also its ETag.</summary>
public sealed record CampaignResponse(
    Guid Id, string Name, string Organization, string TemplateId, int TemplateVersion,
    string State, string Status, bool Suspended, long Version, DateTime CreatedAt, string CreatedBy, DateTime UpdatedAt);

/// <summary>Fire a phase trigger: start, advance, sendBack (with targetPhase), suspend, resume, cancel, complete.</summary>
public sealed record TransitionRequest(string Trigger, string? Reason, string? TargetPhase);

/// <summary>Complete a task instance. The outcome is the port a review leaves by (Approved, ChangesRequested).</summary>
public sealed record CompleteTaskRequest(string? Outcome, JsonElement? Result, string? Comment);

/// <summary>Give a task instance to someone else.</summary>
public sealed record ReassignTaskRequest(string Assignee, string? Reason);

/// <summary>One page of a keyset-paged list; pass <see cref="NextCursor"/> back as <c>cursor</c> for the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor) : Paging.IPage
{
    string? Paging.IPage.NextPosition => NextCursor;
}
