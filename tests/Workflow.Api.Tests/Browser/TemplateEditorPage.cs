using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The template editor and a published template's page, driven the way a user does (English
/// labels), so scenarios can chain steps: sign in, new template, phases, workflows, gates, inputs,
/// publish, start a campaign.
/// </summary>
public sealed class TemplateEditorPage(IPage page, string baseUrl)
{
    public IPage Page => page;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions In(string name) => new() { Name = name, Exact = true };

    /// <summary>Opens a new template from the templates list (the "Templates" nav entry).</summary>
    public async Task OpenNewTemplateAsync()
    {
        await page.GetByTestId("app-navigation").GetByRole(AriaRole.Link, In("Templates")).ClickAsync();
        await page.GetByRole(AriaRole.Link, Named("New template")).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("New template"))).ToBeVisibleAsync();
    }

    public async Task SetTemplateAsync(string definitionId, string nameEn, string nameZh)
    {
        var head = page.GetByRole(AriaRole.Group, Named("Template"));
        await head.GetByLabel("Template id").FillAsync(definitionId);
        await head.GetByLabel("Name (English)").FillAsync(nameEn);
        await head.GetByLabel("Name (Chinese)").FillAsync(nameZh);
    }

    /// <summary>Phase n (1-based) of the editor.</summary>
    public ILocator Phase(int number) => page.GetByRole(AriaRole.Group, Named($"Phase {number}"));

    /// <summary>Adds a phase at the end (a new template starts with one empty phase) and returns its number.</summary>
    public async Task<int> AddPhaseAsync()
    {
        var before = await page.Locator("fieldset.templates-phase").CountAsync();
        await page.GetByRole(AriaRole.Button, Named("Add phase")).ClickAsync();
        await Assertions.Expect(Phase(before + 1)).ToBeVisibleAsync();
        return before + 1;
    }

    public async Task SetPhaseAsync(int number, string id, string nameEn, string nameZh)
    {
        var phase = Phase(number);
        await phase.GetByLabel("Phase id").FillAsync(id);
        await phase.GetByLabel("Name (English)").FillAsync(nameEn);
        await phase.GetByLabel("Name (Chinese)").FillAsync(nameZh);
    }

    /// <summary>Picks the published workflow the phase runs, and its version.</summary>
    public async Task PickWorkflowAsync(int phase, string workflowId, int version)
    {
        await Phase(phase).GetByLabel("Phase workflow").SelectOptionAsync(workflowId);
        await Phase(phase).GetByLabel("Workflow version").SelectOptionAsync(version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Gate n (1-based) of a phase.</summary>
    public ILocator Gate(int phase, int number) => Phase(phase).GetByRole(AriaRole.Group, In($"Exit gate {number}"));

    /// <summary>Adds an exit gate to a phase; the expression is checked by the server when the field is left.</summary>
    public async Task<int> AddGateAsync(int phase, string id, string nameEn, string nameZh, string expression)
    {
        await Phase(phase).GetByRole(AriaRole.Button, In("Add exit gate")).ClickAsync();
        var number = await Phase(phase).Locator("fieldset.templates-gate").CountAsync();
        await SetGateAsync(phase, number, id, nameEn, nameZh, expression);
        return number;
    }

    public async Task SetGateAsync(int phase, int number, string id, string nameEn, string nameZh, string expression)
    {
        var gate = Gate(phase, number);
        await gate.GetByLabel("Gate id").FillAsync(id);
        await gate.GetByLabel("Gate description (English)").FillAsync(nameEn);
        await gate.GetByLabel("Gate description (Chinese)").FillAsync(nameZh);
        await SetExpressionAsync(phase, number, expression);
    }

    /// <summary>Types a gate's condition and leaves the field (which asks the server to validate).</summary>
    public async Task SetExpressionAsync(int phase, int gate, string expression)
    {
        var field = Gate(phase, gate).GetByLabel("Condition (JavaScript expression)");
        await field.FillAsync(expression);
        await field.BlurAsync();
    }

    /// <summary>The server's problems shown next to a gate's condition.</summary>
    public ILocator ExpressionProblems(int phase, int gate) => Gate(phase, gate).GetByTestId("field-problems");

    public async Task AddInputAsync(string name, string typeLabel, bool required, string description = "")
    {
        await page.GetByRole(AriaRole.Button, Named("Add input")).ClickAsync();
        var input = page.Locator("fieldset.templates-input").Last;
        await input.GetByLabel("Input name").FillAsync(name);
        await input.GetByLabel("Data type").SelectOptionAsync(new SelectOptionValue { Label = typeLabel });
        if (required) await input.GetByLabel("Required").CheckAsync();
        if (description.Length > 0) await input.GetByLabel("Input description").FillAsync(description);
    }

    /// <summary>Asks the server to validate the whole template; returns the status it shows.</summary>
    public async Task ValidateAsync()
    {
        await page.GetByRole(AriaRole.Button, Named("Validate")).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("valid|problem") })).ToBeVisibleAsync();
    }

    /// <summary>Publishes the template (saving the draft first) and returns the version the server gave it.</summary>
    public async Task<int> PublishAsync()
    {
        await page.GetByRole(AriaRole.Button, Named("Publish as new version")).ClickAsync();
        var published = page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex(@"^Published as version \d+\.$") });
        await Assertions.Expect(published).ToBeVisibleAsync();
        var text = await published.TextContentAsync();
        return int.Parse(Regex.Match(text!, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens a published version's page directly.</summary>
    public async Task OpenVersionAsync(string definitionId, int version) =>
        await page.GotoAsync($"{baseUrl}/app/templates/{Uri.EscapeDataString(definitionId)}/versions/{version}");

    /// <summary>
    /// Fills the start form of the version page shown (a field per input, found by its label) and
    /// starts the campaign; returns the new campaign's id from the page it lands on.
    /// </summary>
    public async Task<Guid> StartCampaignAsync(string name, string organization, IReadOnlyDictionary<string, string> inputs)
    {
        var form = page.GetByRole(AriaRole.Form, Named("Start a campaign from this version"));
        await form.GetByLabel("Campaign name").FillAsync(name);
        await form.GetByLabel("Organization").FillAsync(organization);
        foreach (var (label, value) in inputs) await form.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        await form.GetByRole(AriaRole.Button, In("Start campaign")).ClickAsync();
        // The app navigates with pushState (no load event): wait for the address, not a navigation.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/app/campaigns/[0-9a-f-]{36}$"));
        return Guid.Parse(page.Url.Split('/')[^1]);
    }
}
