using Workflow.Engine.Compilation;
using Workflow.Engine.Definitions;

namespace Workflow.Engine.Gates;

/// <summary>A gate with its condition prepared once.</summary>
public sealed class CompiledGate
{
    internal CompiledGate(GateDefinition definition, CompiledValue condition)
    {
        Definition = definition;
        Condition = condition;
    }

    public GateDefinition Definition { get; }

    internal CompiledValue Condition { get; }
}
