using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflow.Api.Tests.Support;

/// <summary>A response read as JSON, with its status and headers, for assertions.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Message)
{
    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? values.First()
        : Message.Content.Headers.TryGetValues(name, out var content) ? content.First() : null;

    public string ProblemCode => Json.GetProperty("code").GetString()!;
}

public static class HttpJson
{
    public static async Task<ApiResponse> PostJsonAsync(this HttpClient client, string url, object body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Read(await client.SendAsync(request));
    }

    public static async Task<ApiResponse> PostTextAsync(this HttpClient client, string url, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        return await Read(await client.SendAsync(request));
    }

    public static async Task<ApiResponse> GetJsonAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await Read(await client.SendAsync(request));
    }

    internal static async Task<ApiResponse> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonDocument.Parse(text).RootElement.Clone() : JsonSerializer.SerializeToElement(text);
        return new ApiResponse(response.StatusCode, json, response);
    }
}
