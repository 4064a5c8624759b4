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
using Workflow.Api.Timers;
using Workflow.Api.Web;

// `create-key --principal NAME --roles ROLE[,ROLE…]` issues an API key and exits; anything else starts the server.
var createKey = CreateKeyCommand.Parse(args, out var hostArgs);
if (createKey is { Error: { } error }) return await CreateKeyCommand.ReportUsageAsync(error);

var builder = WebApplication.CreateBuilder(hostArgs);
if (createKey is not null) CreateKeyCommand.QuietLogging(builder.Logging);

builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddErrors();
builder.Services.AddApiKeyIdentity();
builder.Services.AddDefinitionCatalog();
builder.Services.AddCampaignCommands();
builder.Services.AddTimers(builder.Configuration, builder.Environment);
builder.Services.AddApiDocumentation();
builder.Services.AddHealth();
builder.Services.AddLedgerVerification(builder.Configuration, builder.Environment);
builder.Services.AddWebApp(builder.Configuration);

var app = builder.Build();

if (createKey?.Command is { } command) return await command.RunForHostAsync(app.Services);

app.UseErrors();
// Before authorization: the document and its UI are middleware, not endpoints, so the fallback
// policy (a key for everything) would otherwise cover them too.
app.UseApiDocumentation();
app.UseWebApp();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapMe();
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
