using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The real app on a real Kestrel port (127.0.0.1, a free port chosen by the system) over a SQLite
/// file of its own, for a real browser: the app's files come from the build output's app/ folder,
/// as in production.
/// </summary>
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "campaigns.db")};Pooling=True";

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public override Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        return Task.CompletedTask;
    }

    /// <summary>A client of the real port (not the in-memory test server).</summary>
    public HttpClient RealClient(string? key = null) =>
        WithKey(new HttpClient { BaseAddress = new Uri(BaseUrl + "/") }, key);
}
