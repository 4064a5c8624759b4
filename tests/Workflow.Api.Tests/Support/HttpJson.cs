using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflow.Api.Tests.Support;

/// <summary>A response read as JSON, with its status and headers, for assertions.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Message, string Text)
{
    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? values.First()
        : Message.Content.Headers.TryGetValues(name, out var content) ? content.First() : null;

    public string ProblemCode => Json.GetProperty("code").GetString()!;
}

public static class HttpJson
{
    public static Task<ApiResponse> PostJsonAsync(this HttpClient client, string url, object body, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Post, url, JsonContent.Create(body), headers);

    public static Task<ApiResponse> PostTextAsync(
        this HttpClient client, string url, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Post, url, new StringContent(body, Encoding.UTF8, contentType), headers);

    public static Task<ApiResponse> GetJsonAsync(this HttpClient client, string url, params (string Name, string Value)[] headers) =>
        client.SendAsync(HttpMethod.Get, url, null, headers);

    public static async Task<ApiResponse> SendAsync(
        this HttpClient client, HttpMethod method, string url, HttpContent? content, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Read(await client.SendAsync(request));
    }

    internal static async Task<ApiResponse> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonDocument.Parse(text).RootElement.Clone() : JsonSerializer.SerializeToElement(text);
        return new ApiResponse(response.StatusCode, json, response, text);
    }
}
