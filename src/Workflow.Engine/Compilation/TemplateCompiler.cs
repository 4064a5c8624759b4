using Workflow.Engine.Texts;
using System.Collections.Immutable;
using Workflow.Engine.Definitions;
using Workflow.Engine.Gates;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Compilation;

/// <summary>A compiled template, or every problem that prevented it.</summary>
public sealed record TemplateCompilation(CompiledTemplate? Template, ImmutableArray<ValidationError> Errors)
{
    public bool Succeeded => Template is not null && Errors.IsEmpty;
}

/// <summary>Checks a campaign template against the phase workflows it names, and prepares its gates and outputs.</summary>
public static class TemplateCompiler
{
    /// <summary>The campaign variable that carries findings from phase to phase.</summary>
    public const string FindingsVariable = "findings";

    public static TemplateCompilation Compile(CampaignTemplate template, Func<WorkflowReference, CompiledWorkflow?> findWorkflow)
    {
        var errors = new List<ValidationError>();
        var available = template.Inputs.Select(i => i.Name).Concat(template.Variables.Select(v => v.Name)).Append(FindingsVariable)
            .ToHashSet(StringComparer.Ordinal);
        var variables = template.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var phases = ImmutableArray.CreateBuilder<CompiledPhase>();
        for (var i = 0; i < template.Phases.Length; i++)
        {
            var phase = template.Phases[i];
            var pointer = $"/phases/{i}";
            if (findWorkflow(phase.Workflow) is not { } workflow)
            {
                errors.Add(new ValidationError(ValidationCodes.TemplateWorkflowUnknown,
                    EngineText.Of("template.workflow_unknown", ("phaseId", phase.Id), ("workflow", phase.Workflow)), $"{pointer}/workflow"));
                continue;
            }
            foreach (var input in workflow.Definition.Inputs.Where(input => input.Required && !available.Contains(input.Name)))
                errors.Add(new ValidationError(ValidationCodes.TemplateWorkflowInputUnbound,
                    EngineText.Of("template.workflow_input_unbound", ("phaseId", phase.Id), ("workflow", phase.Workflow), ("input", input.Name)),
                    $"{pointer}/workflow"));

            if (phase.ExitGates.Length > GateLimits.MaxPerPhase)
                errors.Add(new ValidationError(ValidationCodes.TemplateGatesTooMany,
                    EngineText.Of("template.gates_too_many", ("phaseId", phase.Id), ("count", phase.ExitGates.Length), ("maximum", GateLimits.MaxPerPhase)),
                    $"{pointer}/exitGates"));
            var gates = ImmutableArray.CreateBuilder<CompiledGate>();
            for (var g = 0; g < phase.ExitGates.Length; g++)
            {
                var gate = phase.ExitGates[g];
                if (Value(gate.Condition, workflow, $"{pointer}/exitGates/{g}/condition", errors) is { } condition)
                    gates.Add(new CompiledGate(gate, condition));
            }
            var outputs = ImmutableArray.CreateBuilder<(string, CompiledValue)>();
            foreach (var (name, output) in phase.Outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                var outputPointer = $"{pointer}/outputs/{DocumentReader.Escape(name)}";
                if (!variables.Contains(name))
                    errors.Add(new ValidationError(ValidationCodes.TemplateOutputUnknownVariable,
                        EngineText.Of("template.output_unknown_variable", ("phaseId", phase.Id), ("name", name)), outputPointer));
                else if (Value(output, workflow, outputPointer, errors) is { } value)
                    outputs.Add((name, value));
            }
            phases.Add(new CompiledPhase(phases.Count, phase, workflow, gates.ToImmutable(), outputs.ToImmutable()));
        }
        if (errors.Count > 0) return new TemplateCompilation(null, [.. errors]);
        return new TemplateCompilation(new CompiledTemplate(template, phases.ToImmutable()), []);
    }

    private static CompiledValue? Value(InputValue value, CompiledWorkflow workflow, string pointer, List<ValidationError> errors) => value switch
    {
        LiteralValue literal => new CompiledValue(literal.Value, null),
        ExpressionValue expression => ActivityInputCompiler.CompileExpression(expression.Source, workflow.Context, pointer, null, errors) is { } compiled
            ? new CompiledValue(null, compiled)
            : null,
        _ => null,
    };
}
