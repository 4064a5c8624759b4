using System.Text.Json;

namespace Workflow.Engine.Activities;

/// <summary>The submitted values of one check, by field position (see <see cref="ResultCheckPlan"/>).</summary>
internal sealed class ResultValues(int count)
{
    /// <summary>The property appeared (even as null or as a derived field): a second one is a duplicate.</summary>
    public bool[] Seen { get; } = new bool[count];

    /// <summary>A non-null value was given.</summary>
    public bool[] Given { get; } = new bool[count];

    /// <summary>The given value has the right type and range.</summary>
    public bool[] Good { get; } = new bool[count];

    public JsonElement[] Values { get; } = new JsonElement[count];

    /// <summary>The value of a given integer or number field, for rules and ratios.</summary>
    public double[] Numbers { get; } = new double[count];
}
