namespace Workflow.Storage.Idempotency;

/// <summary>The first response to a command sent with an Idempotency-Key, kept so a repeat returns it unchanged.</summary>
public sealed class IdempotencyRecord
{
    public required string Principal { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public DateTime CreatedAt { get; set; }
}
