using Microsoft.Playwright;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by ./test.sh), driven headless by Playwright;
/// Playwright's own browser download is not used (and is blocked on the build machines).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static string ScreenshotFolder => RepositoryFiles.PathOf(".test-run", "screenshots");

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: the browser tests need Debian's chromium and fonts-noto-cjk " +
                                                "(./test.sh installs them as root: apt-get install chromium fonts-noto-cjk).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>Runs a test on a new page (browser language as given), saving a screenshot when it fails.</summary>
    public async Task OnPageAsync(string name, string locale, Func<IPage, Task> test)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            // The desk size the README's pictures are taken at, and the size the web app is designed for.
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // Whatever the page does, the server's content security policy must not have to stop it: a refused script, style
        // or connection is a page that works only where the policy is absent.
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) lock (refused) refused.Add(message.Text);
        };
        try
        {
            await test(page);
            lock (refused) Assert.True(refused.Count == 0, "The content security policy refused: " + string.Join(" | ", refused));
        }
        catch
        {
            await ScreenshotAsync(page, $"{name}-failure.png");
            throw;
        }
    }

    /// <summary>Opens a page of the app and signs in on the form it shows first (labels in the page's language).</summary>
    public static async Task SignInAsync(IPage page, string url, string key, string keyLabel = "API key", string signIn = "Sign in")
    {
        await page.GotoAsync(url);
        await page.GetByLabel(keyLabel).FillAsync(key);
        var button = page.GetByRole(AriaRole.Button, new() { Name = signIn, Exact = true });
        await button.ClickAsync();
        // Signed in once the server accepted the key and the form gave way to the app (the key is then
        // kept for the session, so a test may go to another address at once).
        await Assertions.Expect(button).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    /// <summary>Switches the page's language with the header's switch (each option written in its own language).</summary>
    public static Task SwitchLanguageAsync(IPage page, string language) =>
        page.GetByTestId("language-switch").GetByText(language == "zh-CN" ? "中文" : "English", new() { Exact = true }).ClickAsync();

    /// <summary>
    /// Answers the page's confirm dialogs ("leave without saving?") as a user would: staying until
    /// <see cref="LeavePageDialogs.Leave"/> is set; every question asked is kept.
    /// </summary>
    public static LeavePageDialogs AnswerLeaveDialogs(IPage page)
    {
        var dialogs = new LeavePageDialogs();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Asked.Add(dialog.Message);
            // An event handler: an exception here would take the test host down, so a dialog that is
            // already gone (the page moved on while it was answered) is recorded as asked and left alone.
            try
            {
                if (dialogs.Leave) await dialog.AcceptAsync();
                else await dialog.DismissAsync();
            }
            catch (PlaywrightException)
            {
            }
        };
        return dialogs;
    }

    /// <summary>The README's pictures: written there too when WORKFLOW_UPDATE_SCREENSHOTS=1.</summary>
    public static string ReadmeScreenshotFolder => RepositoryFiles.PathOf("docs", "screenshots");

    /// <summary>Whether the README shows this screenshot (only those are copied next to it).</summary>
    public static bool ReadmeShows(string fileName) =>
        File.ReadAllText(RepositoryFiles.PathOf("README.md")).Contains($"docs/screenshots/{fileName}", StringComparison.Ordinal);

    /// <summary>Saves a picture of the page: all of it, or (<paramref name="fullPage"/> false) what the window shows.</summary>
    public static async Task ScreenshotAsync(IPage page, string fileName, bool fullPage = true)
    {
        try
        {
            Directory.CreateDirectory(ScreenshotFolder);
            var path = Path.Combine(ScreenshotFolder, fileName);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
            if (Environment.GetEnvironmentVariable("WORKFLOW_UPDATE_SCREENSHOTS") == "1" && ReadmeShows(fileName))
            {
                Directory.CreateDirectory(ReadmeScreenshotFolder);
                File.Copy(path, Path.Combine(ReadmeScreenshotFolder, fileName), overwrite: true);
            }
        }
        catch (PlaywrightException)
        {
            // A screenshot is a help, never the reason a test fails.
        }
    }
}

/// <summary>The questions a page asked before leaving, and whether the user says yes from now on.</summary>
public sealed class LeavePageDialogs
{
    public List<string> Asked { get; } = [];

    public bool Leave { get; set; }

    /// <summary>Waits until <paramref name="count"/> questions were asked (up to 15 s: effects run late on a loaded machine).</summary>
    public async Task WaitForAsync(IPage page, int count)
    {
        for (var waited = 0; Asked.Count < count && waited < 150; waited++) await page.WaitForTimeoutAsync(100);
        Assert.True(Asked.Count >= count, $"{count} questions expected, {Asked.Count} asked: {string.Join(" | ", Asked)}");
    }
}

/// <summary>The app on Kestrel and the browser, shared by the browser tests of a class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public KestrelApiFactory App { get; } = new();

    public Chromium Chromium { get; } = new();

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        await Chromium.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await App.DisposeAsync();
    }
}
