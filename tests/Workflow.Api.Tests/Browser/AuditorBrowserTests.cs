using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Browser;

/// <summary>
/// The auditor's ledger view in Chromium against the real app: a filter kept in the address, the
/// table showing exactly the filtered entries, the CSV download matching the table, the chain
/// verification (intact, and broken after an entry is rewritten in the database), and the page in Chinese.
/// </summary>
public sealed class AuditorBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private KestrelApiFactory App => fixture.App;

    private static PageGetByRoleOptions Named(string name) => new() { Name = name, Exact = true };

    private static LocatorGetByRoleOptions Inside(string name) => new() { Name = name, Exact = true };

    /// <summary>A seed campaign with two completed tasks; its id and name.</summary>
    private async Task<(Guid Id, string Name)> CampaignWithCompletedTasksAsync()
    {
        using var client = App.RealClient(await App.IssueKeyAsync("campaign-office", false, Roles.Operator));
        var name = $"审计浏览器测试活动-{Guid.NewGuid():N}"[..24];
        var location = await CampaignSteps.CreateAsync(client, name);
        await CampaignSteps.FireAsync(client, location, "start");
        await CampaignSteps.CompleteAsync(client, location, "studyMobilization:1", Meeting("2023-03-01"));
        await CampaignSteps.CompleteAsync(client, location, "centralizedStudy:1", Meeting("2023-03-10"));
        return (CampaignSteps.IdOf(location), name);
    }

    /// <summary>(id, sequence, kind) of each row the page shows.</summary>
    private static async Task<List<(string Id, string Sequence, string Kind)>> RowsAsync(IPage page)
    {
        var rows = new List<(string, string, string)>();
        foreach (var row in await page.GetByTestId("ledger-row").AllAsync())
            rows.Add(((await row.GetAttributeAsync("data-entry-id"))!, await row.GetByTestId("ledger-sequence").InnerTextAsync(),
                (await row.GetByTestId("ledger-kind").GetAttributeAsync("data-kind"))!));
        return rows;
    }

    [Fact]
    public async Task Auditor_FiltersTheLedger_DownloadsMatchingCsv_VerifiesIntact_AndReadsItInChinese()
    {
        var (campaign, name) = await CampaignWithCompletedTasksAsync();
        var auditorKey = await App.IssueKeyAsync("auditor.zhao", false, Roles.Auditor);
        using var auditor = App.RealClient(auditorKey);
        var expected = await auditor.GetJsonAsync($"/api/v1/audit/entries?campaignId={campaign}&kind=task.completed");
        var expectedRows = expected.Json.GetProperty("items").EnumerateArray()
            .Select(e => (e.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture),
                e.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture), e.GetProperty("kind").GetString()!))
            .ToList();
        Assert.Equal(2, expectedRows.Count);

        await fixture.Chromium.OnPageAsync(nameof(Auditor_FiltersTheLedger_DownloadsMatchingCsv_VerifiesIntact_AndReadsItInChinese), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", auditorKey);
            await page.GetByRole(AriaRole.Link, Named("Audit")).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("Ledger"))).ToBeVisibleAsync();

            var form = page.GetByRole(AriaRole.Form, Named("Filter"));
            await form.Locator("select[name=campaignId]").SelectOptionAsync(new SelectOptionValue { Label = name });
            await form.Locator("input[name=kind]").FillAsync("task.completed");
            await form.GetByRole(AriaRole.Button, Inside("Apply filter")).ClickAsync();

            // The filter is in the address, and the table shows exactly the entries the API returns for it.
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"campaignId={campaign}.*kind=task.completed|kind=task.completed.*campaignId={campaign}"));
            await Assertions.Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(2);
            Assert.Equal(expectedRows, await RowsAsync(page));
            await Assertions.Expect(page.GetByText("2 entries on this page")).ToBeVisibleAsync();

            // The CSV of the same filter, saved under the server's file name, has the same rows.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, Named("Download CSV (all matching entries)")).ClickAsync());
            Assert.Matches(@"^ledger-\d{8}T\d{6}Z\.csv$", download.SuggestedFilename);
            var csv = Csv(await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8));
            var header = csv[0];
            var fromCsv = csv.Skip(1).Select(r => (r[Array.IndexOf(header, "id")], r[Array.IndexOf(header, "sequence")], r[Array.IndexOf(header, "kind")])).ToList();
            Assert.Equal(expectedRows, fromCsv);
            Assert.All(csv.Skip(1), r => Assert.Equal(campaign.ToString("D"), r[Array.IndexOf(header, "campaignId")]));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Saved {download.SuggestedFilename} (2 entries).");

            // A row opens to its payload and full hashes.
            await page.GetByTestId("ledger-row").First.GetByRole(AriaRole.Button, Inside("Details")).ClickAsync();
            await Assertions.Expect(page.GetByText("Previous hash", new() { Exact = true })).ToBeVisibleAsync();

            await form.GetByRole(AriaRole.Button, Inside("Verify")).ClickAsync();
            var result = page.GetByTestId("verify-result");
            await Assertions.Expect(result).ToContainTextAsync(name);
            await Assertions.Expect(result).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Intact: \d+ entries checked"));
            await Assertions.Expect(result.GetByText("Head hash")).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "audit-en.png");

            // The same page in Chinese: labels, and the server's data as it is.
            await Chromium.SwitchLanguageAsync(page, "zh-CN");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("台账"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, Named("类型"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, Named("操作人"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("下载 CSV（全部符合条件的记录）"))).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("ledger-row")).ToHaveCountAsync(2);
            await page.GetByRole(AriaRole.Form, Named("筛选")).GetByRole(AriaRole.Button, Inside("校验")).ClickAsync();
            await Assertions.Expect(result).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"完整：已校验 \d+ 条记录"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, Named("比较定义版本"))).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "audit-zh-CN.png");
        });
    }

    [Fact]
    public async Task RewrittenEntry_ShowsWhereAndWhyTheChainBreaks()
    {
        var (campaign, name) = await CampaignWithCompletedTasksAsync();
        // As a database administrator could: drop the append-only triggers and rewrite a reason.
        await App.DbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS history_no_update; DROP TRIGGER IF EXISTS history_no_delete;"));
        var id = await App.DbAsync(db => db.History.Where(h => h.CampaignId == campaign && h.Sequence == 2).Select(h => h.Id).SingleAsync());
        await App.DbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE history SET \"Reason\" = 'rewritten afterwards' WHERE \"Id\" = {id}"));
        var auditorKey = await App.IssueKeyAsync("auditor.qian", false, Roles.Auditor);

        await fixture.Chromium.OnPageAsync(nameof(RewrittenEntry_ShowsWhereAndWhyTheChainBreaks), "en-US", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", auditorKey);
            await page.GotoAsync($"{App.BaseUrl}/app/audit?campaignId={campaign}");
            await Assertions.Expect(page.GetByTestId("ledger-row").First).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Form, Named("Filter")).GetByRole(AriaRole.Button, Inside("Verify")).ClickAsync();
            var result = page.GetByTestId("verify-result");
            await Assertions.Expect(result).ToContainTextAsync(name);
            await Assertions.Expect(result.GetByRole(AriaRole.Alert)).ToContainTextAsync("Broken at entry 2");
            await Assertions.Expect(result.GetByRole(AriaRole.Alert)).ToContainTextAsync("altered after it was written");
            await Assertions.Expect(result).ToContainTextAsync("entry.altered");
        });
    }

    [Fact]
    public async Task Auditor_PagesByCursor_VerifiesTheDefinitionsStream_AndComparesTwoWorkflowVersions()
    {
        var (campaign, _) = await CampaignWithCompletedTasksAsync();
        // A second version of the study phase, with a preparatory meeting before the mobilization meeting.
        using var designer = App.RealClient(await App.IssueKeyAsync("designer.wang", false, Roles.Admin));
        var draft = await designer.PostJsonAsync("/api/v1/workflows/drafts", Definitions.DefinitionDocs.StudyPhaseWithPreparatoryMeeting());
        Assert.Equal(HttpStatusCode.Created, draft.Status);
        var published = await designer.PostJsonAsync($"{draft.Header("Location")}/publish", new { });
        Assert.True(published.Status == HttpStatusCode.Created, published.Text);
        var auditorKey = await App.IssueKeyAsync("auditor.sun", false, Roles.Auditor);
        using var auditor = App.RealClient(auditorKey);
        var taskEntries = (await auditor.GetJsonAsync($"/api/v1/audit/entries?campaignId={campaign}&task=studyMobilization%3A1"))
            .Json.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray();
        Assert.Contains("task.activated", taskEntries);
        Assert.Contains("task.completed", taskEntries);

        await fixture.Chromium.OnPageAsync(nameof(Auditor_PagesByCursor_VerifiesTheDefinitionsStream_AndComparesTwoWorkflowVersions), "zh-CN", async page =>
        {
            await Chromium.SignInAsync(page, App.BaseUrl + "/app/", auditorKey, "API 密钥", "登录");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, Named("审计"))).ToBeVisibleAsync();
            // A shared address: the campaign's ledger, five entries a page.
            await page.GotoAsync($"{App.BaseUrl}/app/audit?campaignId={campaign}&limit=5");
            var sequences = page.GetByTestId("ledger-sequence");
            await Assertions.Expect(sequences).ToHaveTextAsync(["1", "2", "3", "4", "5"]);
            await page.GetByRole(AriaRole.Button, Named("下一页")).ClickAsync();
            await Assertions.Expect(sequences).ToHaveTextAsync(["6", "7", "8", "9", "10"]);
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("cursor=.+&limit=5"));
            await page.GetByRole(AriaRole.Button, Named("下一页")).ClickAsync();
            await Assertions.Expect(sequences).ToHaveTextAsync(["11", "12", "13"]);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, Named("下一页"))).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, Named("返回第一页")).ClickAsync();
            await Assertions.Expect(sequences).ToHaveTextAsync(["1", "2", "3", "4", "5"]);

            // One task's entries: the filter keeps the campaign and the page size.
            await page.Locator("input[name=task]").FillAsync("studyMobilization:1");
            await page.GetByRole(AriaRole.Button, Named("筛选")).ClickAsync();
            var kinds = page.GetByTestId("ledger-kind");
            await Assertions.Expect(kinds).ToHaveCountAsync(taskEntries.Length);
            Assert.Equal(taskEntries, await kinds.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.kind)"));
            // Worded in Chinese, not the server's codes.
            await Assertions.Expect(kinds.Filter(new() { HasTextString = "任务办结" })).ToHaveCountAsync(1);
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("task=studyMobilization%3A1.*limit=5"));

            // A time range after every entry: none match; the time travels in the address as a UTC instant.
            var tomorrow = DateTime.Now.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            await page.Locator("input[name=from]").FillAsync(tomorrow);
            await page.GetByRole(AriaRole.Button, Named("筛选")).ClickAsync();
            await Assertions.Expect(page.GetByText("没有符合筛选条件的台账记录。")).ToBeVisibleAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"from=\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A00\.000Z"));
            await Assertions.Expect(page.Locator("input[name=from]")).ToHaveValueAsync(tomorrow);
            await page.GetByRole(AriaRole.Button, Named("清除筛选")).ClickAsync();
            await Assertions.Expect(page.GetByTestId("ledger-row").First).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, Named("校验定义记录流")).ClickAsync();
            await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync("定义记录流");
            await Assertions.Expect(page.GetByTestId("verify-result")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"完整：已校验 \d+ 条记录"));

            var diff = page.Locator("section.audit-diff");
            await diff.Locator("select").Nth(1).SelectOptionAsync("study-phase");
            await Assertions.Expect(diff.Locator("select").Nth(2)).ToHaveValueAsync("1");
            await Assertions.Expect(diff.Locator("select").Nth(3)).ToHaveValueAsync("2");
            await diff.GetByRole(AriaRole.Button, Inside("比较")).ClickAsync();
            var added = diff.GetByRole(AriaRole.Row).Filter(new() { HasText = "preparatoryMeeting" }).First;
            await Assertions.Expect(added).ToContainTextAsync("环节");
            await Assertions.Expect(added).ToContainTextAsync("新增");
            await Assertions.Expect(diff.GetByRole(AriaRole.Row).Filter(new() { HasText = "连线" }).First).ToBeVisibleAsync();
            await Chromium.ScreenshotAsync(page, "audit-diff-zh-CN.png");
        });
    }

    /// <summary>RFC 4180 rows (quoted cells with commas, doubled quotes and line breaks), after the byte order mark.</summary>
    private static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
