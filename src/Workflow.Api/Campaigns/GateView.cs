using System.Text.Json;
using Workflow.Api.Errors;
using Workflow.Engine.Gates;

namespace Workflow.Api.Campaigns;

/// <summary>A gate as the API shows it: state (met, unmet, pending, error), what it waits for, and the values it saw.</summary>
public sealed record GateView(
    string Id, string Name, string DisplayName, string? Description, string Condition, string State,
    IReadOnlyList<string> WaitingFor, IReadOnlyDictionary<string, JsonElement?> Observed, string? Message)
{
    public static GateView From(GateResult gate, HttpContext context) => new(
        gate.GateId, gate.Name, gate.DisplayNames.Get(Messages.Culture(context)) ?? gate.Name, gate.DescriptionIn(Messages.Culture(context)),
        gate.Condition, gate.State.ToString().ToLowerInvariant(), gate.WaitingFor, gate.Observed, gate.MessageIn(Messages.Culture(context)));
}
