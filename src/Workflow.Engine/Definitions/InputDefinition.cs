using System.Text.Json;
using Workflow.Engine.Values;

namespace Workflow.Engine.Definitions;

/// <summary>A declared input of a phase workflow or campaign template, or a template variable.</summary>
public sealed record InputDefinition(
    string Name,
    DataType Type,
    bool Required,
    JsonElement? Default,
    double? Minimum,
    double? Maximum,
    LocalizedText DisplayNames,
    string? Description);
