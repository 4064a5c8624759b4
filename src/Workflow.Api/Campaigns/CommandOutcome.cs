using System.Collections.Immutable;
using Workflow.Engine.Campaigns;
using Workflow.Storage.Campaigns;
using Workflow.Storage.Idempotency;

namespace Workflow.Api.Campaigns;

/// <summary>What became of a campaign command at the storage level.</summary>
public abstract record CommandOutcome;

/// <summary>Applied and committed, with the events it caused.</summary>
public sealed record CommandApplied(CampaignRow Row, CampaignInstance State, ImmutableArray<CampaignEvent> Events) : CommandOutcome;

/// <summary>The engine refused; nothing was written.</summary>
public sealed record CommandRefused(CampaignRefusal Refusal) : CommandOutcome;

/// <summary>No campaign has that id.</summary>
public sealed record CampaignMissing : CommandOutcome;

/// <summary>If-Match named an older version.</summary>
public sealed record VersionMismatch(long Current, string Expected) : CommandOutcome;

/// <summary>The same Idempotency-Key and body came before: this is the first response.</summary>
public sealed record IdempotentReplay(IdempotencyRecord Record) : CommandOutcome;

/// <summary>The Idempotency-Key came before with a different body.</summary>
public sealed record IdempotencyKeyReused(string Key) : CommandOutcome;

/// <summary>The campaign's pinned template version cannot be loaded (its row is missing or does not compile); nothing was written.</summary>
public sealed record DefinitionUnavailable(string TemplateId, int Version, Definitions.LookupStatus Status, string? Problem) : CommandOutcome;

/// <summary>Other writers kept winning; the command was not applied.</summary>
public sealed record TooManyConflicts : CommandOutcome;

/// <summary>The response a command gives, kept for idempotent replays.</summary>
public sealed record StoredResponse(int Status, string Body, string? Location, string? ETag);
