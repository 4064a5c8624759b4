using System.Text.Json;

namespace Workflow.Engine.Tests.Support;

/// <summary>Compares engine states by their JSON, since records holding collections compare by reference.</summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static string Of<T>(T state) => JsonSerializer.Serialize(state, Options);
}
