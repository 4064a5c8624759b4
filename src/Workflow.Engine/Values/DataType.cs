namespace Workflow.Engine.Values;

/// <summary>The types a definition input, variable or task result field can have.</summary>
public enum DataType
{
    String,
    Text,
    Integer,
    Number,
    Boolean,
    Date,
    Array,
    Object,
    Documents,
    Findings,
}
