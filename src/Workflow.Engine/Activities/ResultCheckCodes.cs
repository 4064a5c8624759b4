namespace Workflow.Engine.Activities;

/// <summary>
/// The stable codes of problems with a submitted task result (<see cref="ResultFieldError.Code"/>).
/// Clients switch on these to translate messages; never rename one.
/// </summary>
public static class ResultCheckCodes
{
    /// <summary>The outcome is not one of the activity's outbound ports (or is missing where required).</summary>
    public const string OutcomeInvalid = "result.outcome_invalid";

    /// <summary>The result is not a JSON object.</summary>
    public const string NotObject = "result.not_object";

    /// <summary>A property the activity type does not define.</summary>
    public const string FieldUnknown = "result.field_unknown";

    /// <summary>The same property appears twice in one object.</summary>
    public const string FieldDuplicate = "result.field_duplicate";

    /// <summary>A required field is missing, null or an empty string.</summary>
    public const string FieldRequired = "result.field_required";

    /// <summary>A value of the wrong type or format (a fraction for an integer, 2023-02-30 for a date).</summary>
    public const string FieldType = "result.field_type";

    /// <summary>A number below its minimum or above its maximum, or an array with too few items.</summary>
    public const string FieldRange = "result.field_range";

    /// <summary>The client sent a field the engine computes (a ratio, the outcome).</summary>
    public const string FieldDerived = "result.field_derived";

    /// <summary>A rule across fields is broken (returned forms exceed issued forms).</summary>
    public const string RuleViolated = "result.rule_violated";
}
