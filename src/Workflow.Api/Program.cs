using Workflow.Api.Activities;
using Workflow.Api.Audit.Anchoring;
using Workflow.Api.Audit.AsOf;
using Workflow.Api.Audit.Definitions;
using Workflow.Api.Audit.Query;
using Workflow.Api.Audit.Verification;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Health;
using Workflow.Api.History;
using Workflow.Api.Identity;
using Workflow.Api.Incidents;
using Workflow.Api.OpenApi;
using Workflow.Api.Database;
using Workflow.Api.Notifications;
using Workflow.Api.Organizations;
using Workflow.Api.Tasks;
using Workflow.Api.Dashboard;
using Workflow.Api.Telemetry;
using Workflow.Api.Webhooks;
using Workflow.Api.Timers;
using Workflow.Api.Web;
using Workflow.Api.Security;

// `create-key --principal NAME --roles ROLE[,ROLE…]` issues an API key and exits; anything else starts the server.
// `rotate-signing-key` makes a new current ledger signing key and exits.
var createKey = CreateKeyCommand.Parse(args, out var hostArgs);
if (createKey is { Error: { } error }) return await CreateKeyCommand.ReportUsageAsync(error);
var rotateKey = RotateSigningKeyCommand.Parse(hostArgs, out hostArgs);

var builder = WebApplication.CreateBuilder(hostArgs);
if (createKey is not null || rotateKey) CreateKeyCommand.QuietLogging(builder.Logging);

builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddErrors();
builder.Services.AddApiKeyIdentity(builder.Configuration);
builder.Services.AddOrganizations();
builder.Services.AddSecurity(builder.Configuration);
builder.Services.AddDefinitionCatalog();
builder.Services.AddCampaignCommands();
builder.Services.AddTimers(builder.Configuration, builder.Environment);
builder.Services.AddApiDocumentation();
builder.Services.AddHealth();
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddFeed();
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddLedgerVerification(builder.Configuration, builder.Environment);
builder.Services.AddAnchoring(builder.Configuration);
builder.Services.AddWebApp(builder.Configuration);

var app = builder.Build();

if (createKey?.Command is { } command) return await command.RunForHostAsync(app.Services);
if (rotateKey) return await RotateSigningKeyCommand.RunAsync(app.Services);

app.UseSecurityHeaders();
app.UseErrors();
// Before authorization: the document and its UI are middleware, not endpoints, so the fallback
// policy (a key for everything) would otherwise cover them too.
app.UseApiDocumentation();
app.UseWebApp();
app.UseAuthentication();
app.UseSecurityLimits();
app.UseAuthorization();

// Every API endpoint in one group, so cross-cutting answers (Link headers on paged lists) are given in one place.
var api = app.MapGroup("").AddEndpointFilter<Workflow.Api.Paging.PageLinks>();
api.MapHealth();
api.MapMe();
api.MapSessions();
api.MapKeys();
api.MapActivityDescriptors();
api.MapDefinitions();
api.MapCampaigns();
api.MapTasks();
api.MapDashboard();
api.MapIncidents();
api.MapHistory();
api.MapFeed();
api.MapLedgerVerification();
api.MapAnchoring();
api.MapAuditQuery();
api.MapCampaignStateAsOf();
api.MapDefinitionAudit();
api.MapWebhooks();
api.MapNotifications();
api.MapOrganizations();
app.MapWebApp();

// A start that must not go on (a changed definition file, say) ends with one line and exit code 1.
if (!await StartupStopped.RunAsync(() => app.PrepareStorageAsync())) return 1;
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
