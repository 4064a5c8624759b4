using System.Collections.Immutable;
using Workflow.Engine.Values;

namespace Workflow.Engine.Activities;

/// <summary>
/// Factories for the result fields and rules of the built-in catalog, so that every count gets
/// the same minimum and every ratio the same unit and range without repeating them.
/// </summary>
internal static class CatalogFields
{
    /// <summary>The unit of every derived ratio; a client shows it as a percentage.</summary>
    public const string RatioUnit = "ratio";

    /// <summary>A count of things or people: an integer that can never be negative.</summary>
    public static ResultFieldDescriptor Count(string name, string en, string zh, string unit, bool required = false, double minimum = 0) =>
        new(name, DataType.Integer, LocalizedText.Of(en, zh), required, unit, Minimum: minimum);

    public static ResultFieldDescriptor Date(string name, string en, string zh, bool required = false) =>
        new(name, DataType.Date, LocalizedText.Of(en, zh), required);

    public static ResultFieldDescriptor Text(string name, string en, string zh, bool required = false) =>
        new(name, DataType.Text, LocalizedText.Of(en, zh), required);

    public static ResultFieldDescriptor Array(string name, string en, string zh) =>
        new(name, DataType.Array, LocalizedText.Of(en, zh));

    public static ResultFieldDescriptor Documents(string name, string en, string zh, bool required = false, int? minimumItems = null) =>
        new(name, DataType.Documents, LocalizedText.Of(en, zh), required, Minimum: minimumItems);

    /// <summary>The findings any task may report; they are carried to the phase and the campaign.</summary>
    public static ResultFieldDescriptor Findings(bool required = false) =>
        new("findings", DataType.Findings, LocalizedText.Of("Findings", "发现的问题"), required);

    /// <summary>A ratio the engine computes as numerator / denominator; never sent by a client.</summary>
    public static ResultFieldDescriptor Ratio(string name, string en, string zh, string numerator, string denominator) =>
        new(name, DataType.Number, LocalizedText.Of(en, zh), Unit: RatioUnit, Minimum: 0, Maximum: 1,
            Derived: new DerivedValue(numerator, denominator));

    /// <summary>
    /// The sum of <paramref name="fields"/> must not exceed <paramref name="limit"/>. The messages
    /// may use the placeholders a <see cref="ResultCheckCodes.RuleViolated"/> error's arguments
    /// provide: each field's name (its value), <c>{sum}</c> and <c>{limitValue}</c>.
    /// </summary>
    public static ResultRule NotAbove(string code, string limit, string en, string zh, params string[] fields) =>
        new(code, [.. fields], limit, LocalizedText.Of(en, zh));
}
