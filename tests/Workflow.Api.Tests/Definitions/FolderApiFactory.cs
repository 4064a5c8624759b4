using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Definitions;

/// <summary>
/// The API importing the definitions of a folder the test controls, over a database the test
/// keeps between starts: each instance is one start of the service.
/// </summary>
public sealed class FolderApiFactory(string provider, string connectionString, string folder) : ApiFactory
{
    public CapturedLogs Logs { get; } = new();

    protected override string Provider => provider;

    protected override string ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Definitions:Folder", folder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(Logs)));
    }
}
