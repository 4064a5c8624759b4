namespace Workflow.Api.Audit.Anchoring;

/// <summary>The <c>Anchoring</c> configuration section: how often checkpoints are taken, and where they are sent.</summary>
public sealed class AnchoringOptions
{
    public const string Section = "Anchoring";

    /// <summary>Checkpoints are taken when the last ones are this old (by the app's clock); zero: only on request.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the scheduler asks whether anchoring is due.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checkpoints per anchors-stream entry (and so per delivery).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Where anchors go: <c>https://…</c> (or <c>http://</c>) receivers get each anchor as a signed webhook, <c>file:///…</c>
    /// folders get each as a file. Configured by the operator, so a folder is allowed here and never through the API.
    /// </summary>
    public List<AnchorSink> Sinks { get; set; } = [];

    public sealed class AnchorSink
    {
        public string Url { get; set; } = "";

        /// <summary>A webhook sink's signing secret (<c>whsec_</c> + base64), which its receiver verifies deliveries with; required for webhook sinks.</summary>
        public string? Secret { get; set; }
    }

    /// <summary>
    /// Whether <paramref name="url"/> is a configured sink: the dispatcher writes only to configured folders, and a configured
    /// receiver needs no entry in Webhooks:AllowedHosts (the operator named it).
    /// </summary>
    public bool IsSink(Uri url) =>
        Sinks.Any(s => Uri.TryCreate(s.Url, UriKind.Absolute, out var sink) && sink.IsFile == url.IsFile
            && (url.IsFile
                ? string.Equals(Path.GetFullPath(sink.LocalPath), Path.GetFullPath(url.LocalPath), StringComparison.Ordinal)
                : string.Equals(sink.AbsoluteUri, url.AbsoluteUri, StringComparison.Ordinal)));
}
