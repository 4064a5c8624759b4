using Workflow.Api.Activities;
using Workflow.Api.Audit.Definitions;
using Workflow.Api.Audit.Query;
using Workflow.Api.Audit.Verification;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Health;
using Workflow.Api.History;
using Workflow.Api.Identity;
using Workflow.Api.OpenApi;
using Workflow.Api.Database;
using Workflow.Api.Tasks;
using Workflow.Api.Web;

// `create-key --principal NAME --roles ROLE[,ROLE…]` issues an API key and exits; anything else starts the server.
var createKey = CreateKeyCommand.Parse(args, out var hostArgs);
if (createKey is { Error: { } error })
{
    await Console.Error.WriteLineAsync($"{CreateKeyCommand.Name}: {error}{Environment.NewLine}{CreateKeyCommand.Usage}");
    return 2;
}

var builder = WebApplication.CreateBuilder(hostArgs);
if (createKey is not null)
{
    // Standard output carries only the key; warnings and errors go to standard error.
    builder.Logging.ClearProviders();
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    // Opening a database that does not exist yet fails once before it is created: not worth a log line
    // here, and a real failure ends the command with its message anyway.
    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
}

builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddErrors();
builder.Services.AddApiKeyIdentity();
builder.Services.AddDefinitionCatalog();
builder.Services.AddCampaignCommands();
builder.Services.AddApiDocumentation();
builder.Services.AddHealth();
builder.Services.AddLedgerVerification(builder.Configuration, builder.Environment);
builder.Services.AddWebApp(builder.Configuration);

var app = builder.Build();

if (createKey?.Command is { } command)
{
    try
    {
        return await command.RunAsync(app.Services, Console.Out);
    }
    catch (Exception exception)
    {
        await Console.Error.WriteLineAsync($"{CreateKeyCommand.Name}: no key was created: {exception.GetBaseException().Message}");
        return 1;
    }
}

app.UseErrors();
// Before authorization: the document and its UI are middleware, not endpoints, so the fallback
// policy (a key for everything) would otherwise cover them too.
app.UseApiDocumentation();
app.UseWebApp();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapActivityDescriptors();
app.MapDefinitions();
app.MapCampaigns();
app.MapTasks();
app.MapHistory();
app.MapLedgerVerification();
app.MapAuditQuery();
app.MapDefinitionAudit();
app.MapWebApp();

await app.PrepareStorageAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
