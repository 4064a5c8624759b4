using System.Collections.Immutable;
using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// Everything the engine, the API and the designer need to know about one activity type, as data:
/// its inputs, the structured result a person enters when completing it, the rules that result
/// must satisfy, and the ports it can leave by.
/// </summary>
public sealed record ActivityDescriptor(
    string TypeName,
    LocalizedText DisplayNames,
    LocalizedText Descriptions,
    string Category,
    ActivityKind Kind,
    ImmutableArray<InputDescriptor> Inputs,
    ImmutableArray<ResultFieldDescriptor> ResultFields,
    ImmutableArray<ResultRule> Rules,
    ImmutableArray<string> OutboundPorts,
    bool HasInboundPort = true,
    string? PortsFromInput = null,
    ImmutableArray<string> TimerPorts = default)
{
    /// <summary>The port a task leaves by when its due time passes with the <c>timeout</c> option; only a timer takes it.</summary>
    public const string TimeoutPort = "Timeout";

    /// <summary>The inbound port every activity but the start has.</summary>
    public const string InPort = "In";

    /// <summary>The default outbound port.</summary>
    public const string DonePort = "Done";

    public InputDescriptor? FindInput(string name)
    {
        foreach (var input in Inputs)
            if (input.Name == name) return input;
        return null;
    }
}

/// <summary>How the interpreter treats an activity.</summary>
public enum ActivityKind
{
    /// <summary>A person does it; the flow waits until the task instance is completed.</summary>
    Task,

    /// <summary>Runs at once when reached (decision, fork, join, set variable, notification).</summary>
    Automatic,

    /// <summary>The entry of a flowchart.</summary>
    Start,

    /// <summary>Reaching it completes the flowchart.</summary>
    End,
}

/// <summary>One input of an activity type.</summary>
/// <param name="ExpressionOnly">The input must be an expression (a decision's condition).</param>
/// <param name="AllowedValues">For string inputs with a closed set of values (a join's mode).</param>
/// <param name="Minimum">
/// The least value of a number input (<c>dueInDays</c> ≥ 0), or the least number of items of an
/// array input (a fork's <c>branches</c>: at least 2).
/// </param>
public sealed record InputDescriptor(
    string Name,
    DataType Type,
    LocalizedText DisplayNames,
    bool Required = false,
    bool SupportsExpression = true,
    bool ExpressionOnly = false,
    JsonElement? Default = null,
    ImmutableArray<string> AllowedValues = default,
    double? Minimum = null);

/// <summary>One field of the structured result entered when a task is completed.</summary>
/// <param name="Unit">A display unit ("forms", "talks", "ratio"), for people only.</param>
/// <param name="Minimum">
/// The least value of a number field, or the least number of items of an array field
/// (documents, findings, array): a rectification item's evidence needs at least one document.
/// </param>
/// <param name="Maximum">The greatest value of a number field.</param>
/// <param name="Derived">If set, the engine computes the field; a client must not send it.</param>
public sealed record ResultFieldDescriptor(
    string Name,
    DataType Type,
    LocalizedText DisplayNames,
    bool Required = false,
    string? Unit = null,
    double? Minimum = null,
    double? Maximum = null,
    DerivedValue? Derived = null);

/// <summary>A value the engine derives from other result fields: Numerator / Denominator, in 0..1.</summary>
public sealed record DerivedValue(string Numerator, string Denominator);

/// <summary>
/// A rule across result fields: the sum of <see cref="Fields"/> must not exceed the field named
/// <see cref="Limit"/> (returned ≤ issued, resolved + pending ≤ received).
/// </summary>
/// <param name="Code">A stable name of the rule, given as the <c>rule</c> argument of a violation.</param>
/// <param name="Messages">
/// The violation in each language, with placeholders filled from the violation's arguments:
/// <c>{fieldName}</c> for each field's value, <c>{sum}</c> and <c>{limitValue}</c>.
/// </param>
public sealed record ResultRule(string Code, ImmutableArray<string> Fields, string Limit, LocalizedText Messages);
