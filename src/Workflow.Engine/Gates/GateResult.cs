using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Gates;

/// <summary>Where a gate stands.</summary>
public enum GateState
{
    /// <summary>The condition holds.</summary>
    Met,

    /// <summary>The condition was evaluated on real results and does not hold.</summary>
    Unmet,

    /// <summary>The condition reads results that do not exist yet; <see cref="GateResult.WaitingFor"/> names the tasks.</summary>
    Pending,

    /// <summary>The condition could not be evaluated; <see cref="GateResult.Message"/> says why.</summary>
    Error,
}

/// <summary>
/// One gate's evaluation: its state, what it waits for, and the values it saw (by the path it read,
/// such as <c>results.massAppraisal.satisfaction</c>), so a refusal can be explained with numbers.
/// </summary>
public sealed record GateResult(
    string GateId,
    string Name,
    LocalizedText DisplayNames,
    string? Description,
    string Condition,
    GateState State,
    ImmutableArray<string> WaitingFor,
    ImmutableSortedDictionary<string, JsonElement?> Observed,
    string? Message)
{
    /// <summary>
    /// <see cref="Message"/> as catalog key and arguments. Not stored with the ledger's gatesEvaluated entries
    /// (those keep the English sentence they were written with); present on every evaluation made now.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Texts.EngineText? Text { get; init; }

    /// <summary>The template's description by culture; like <see cref="Text"/>, not stored with the ledger's entries.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public LocalizedText Descriptions { get; init; } = LocalizedText.Empty;

    /// <summary>The description in a culture, else the template's single <see cref="Description"/>.</summary>
    public string? DescriptionIn(string culture) => Descriptions.Texts.Count > 0 ? Descriptions.Get(culture) : Description;

    /// <summary>The message in a culture (zh-CN or en); a gate read back from the ledger has only its English one.</summary>
    public string? MessageIn(string culture) => Text?.Render(culture) ?? Message;
}
