using System.Collections.Immutable;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Compilation;

/// <summary>A compiled workflow, or every problem that prevented it.</summary>
public sealed record WorkflowCompilation(CompiledWorkflow? Workflow, ImmutableArray<ValidationError> Errors)
{
    public bool Succeeded => Workflow is not null && Errors.IsEmpty;
}
