using System.Collections.Immutable;
using Workflow.Engine.Definitions;
using Workflow.Engine.Validation;

namespace Workflow.Api.Definitions;

/// <summary>What checking a definition document found: its identity when it has one, and every problem.</summary>
public sealed record DefinitionCheck(DefinitionIdentity? Identity, ImmutableArray<ValidationError> Errors)
{
    public bool Valid => Identity is not null && Errors.IsEmpty;
}
