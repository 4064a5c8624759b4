namespace Workflow.Api.Database;

/// <summary>
/// A start-up that must not go on, for a reason an operator can fix (a changed definition file, a
/// signing key ring this server cannot open): the program prints the message as one line and exits
/// with 1, without a stack trace.
/// </summary>
public sealed class StartupStopped(string message) : Exception(message)
{
    /// <summary>Runs the start-up step; on <see cref="StartupStopped"/> writes its line to standard error and returns false.</summary>
    public static async Task<bool> RunAsync(Func<Task> step)
    {
        try
        {
            await step();
            return true;
        }
        catch (StartupStopped stopped)
        {
            await Console.Error.WriteLineAsync($"Start-up stopped: {stopped.Message}");
            return false;
        }
    }
}
