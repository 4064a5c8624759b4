using System.Net;
using System.Text.Json;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// Asserts a refusal as a client sees it: RFC 9457 problem details with the stable type, the code
/// and its arguments, a trace id, a detail in the language asked for, and nothing of the server's insides.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:campaign-workflow:problem:";

    /// <summary>A request sender that adds the given headers (Accept-Language among them).</summary>
    public delegate Task<ApiResponse> Send(params (string Name, string Value)[] headers);

    /// <summary>Sends the request in English and then in Chinese; both must be the same refusal, each in its language.</summary>
    public static async Task<(ApiResponse En, ApiResponse Zh)> RefusedAsync(Send send, HttpStatusCode status, string code, string english, string chinese)
    {
        var en = await send(("Accept-Language", "en"));
        Assert(en, status, code, english);
        var zh = await send(("Accept-Language", "zh-CN"));
        Assert(zh, status, code, chinese);
        Xunit.Assert.Contains(zh.Json.GetProperty("detail").GetString()!, c => c is >= '\u4e00' and <= '\u9fff');
        return (en, zh);
    }

    public static void Assert(ApiResponse response, HttpStatusCode status, string code, string detailContains)
    {
        Xunit.Assert.True(response.Status == status, $"expected {(int)status} {code}, got {(int)response.Status}: {response.Text}");
        Xunit.Assert.Equal("application/problem+json", response.Message.Content.Headers.ContentType?.MediaType);
        Xunit.Assert.Equal(TypePrefix + code, response.Json.GetProperty("type").GetString());
        Xunit.Assert.Equal(code, response.Json.GetProperty("code").GetString());
        Xunit.Assert.Equal((int)status, response.Json.GetProperty("status").GetInt32());
        Xunit.Assert.Equal(JsonValueKind.Object, response.Json.GetProperty("arguments").ValueKind);
        Xunit.Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("traceId").GetString()));
        var detail = response.Json.GetProperty("detail").GetString()!;
        Xunit.Assert.True(detail.Contains(detailContains, StringComparison.Ordinal), $"detail \"{detail}\" does not contain \"{detailContains}\"");
        NoInternals(response);
    }

    /// <summary>No stack trace, exception type or exception message in the body, whatever the status.</summary>
    public static void NoInternals(ApiResponse response)
    {
        Xunit.Assert.DoesNotContain("   at ", response.Text, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("Exception", response.Text, StringComparison.Ordinal);
        Xunit.Assert.DoesNotContain("stackTrace", response.Text, StringComparison.OrdinalIgnoreCase);
        Xunit.Assert.DoesNotContain("Workflow.Api.", response.Text, StringComparison.Ordinal);
    }

    /// <summary>A 4xx (or 2xx/3xx), never a 5xx; a 4xx is a problem details response.</summary>
    public static void NotServerError(ApiResponse response, string what, ServerErrorLog? log = null)
    {
        Xunit.Assert.True((int)response.Status < 500, $"{what}: {(int)response.Status} {response.Text}\n{log?.For(TraceIdOf(response))}");
        if ((int)response.Status >= 400)
            Xunit.Assert.True(response.Message.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{what}: {response.Text}");
        NoInternals(response);
    }

    private static string? TraceIdOf(ApiResponse response) =>
        response.Json.ValueKind == System.Text.Json.JsonValueKind.Object && response.Json.TryGetProperty("traceId", out var id) ? id.GetString() : null;
}
