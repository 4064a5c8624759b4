using System.Text;
using System.Net;
using System.Text.Json;
using Workflow.Api.Identity;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Errors;

/// <summary>
/// Each class of bad request, sent in English and in Chinese: the status, the problem type and
/// code, a detail in each language, and an unchanged database. The host runs as in production.
/// </summary>
public abstract class RequestErrorTests(ApiFactory api)
{
    private HttpClient _client = null!;
    private string _campaign = "";

    /// <summary>An operator and a started campaign (study phase, studyMobilization:1 active); returns the database as it is.</summary>
    private async Task<DbState> Arrange()
    {
        _client = await api.ClientAsync("campaign-office", Roles.Operator);
        _campaign = await CampaignSteps.StartedAsync(_client);
        return await DbState.ReadAsync(api);
    }

    private Task<ApiResponse> PostText(string url, string body, (string, string)[] headers) => _client.PostTextAsync(url, body, "application/json", headers);

    /// <summary>Accept-Language by its q-values, not by its first letters: the language ranked higher of the two served.</summary>
    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh-TW,zh;q=0.9", true)]
    [InlineData("en;q=0.4, zh-CN;q=0.8", true)]
    [InlineData("fr-FR, zh;q=0.5, en;q=0.3", true)]
    [InlineData("zh;q=0.2, en;q=0.9", false)]
    [InlineData("zh;q=0, fr", false)]
    [InlineData("en, zh", false)]
    [InlineData("*, zh;q=0.5", false)]
    [InlineData("de-DE", false)]
    public async Task TheLanguage_FollowsAcceptLanguageQValues(string acceptLanguage, bool chinese)
    {
        var anonymous = api.Client(null);
        var response = await anonymous.GetJsonAsync("/api/v1/campaigns", ("Accept-Language", acceptLanguage));
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        var detail = response.Json.GetProperty("detail").GetString()!;
        Assert.True(detail.Any(c => c is >= '\u4e00' and <= '\u9fff') == chinese, $"{acceptLanguage}: {detail}");
    }

    /// <summary>Text no database keeps alike is refused before binding, the same on SQLite and PostgreSQL (where U+0000 was a 500).</summary>
    [Theory]
    [InlineData("/api/v1/campaigns", """{"templateId": "scientific-outlook-campaign", "name": "a\u0000b", "organization": "district-education-bureau"}""", "$.name", "U+0000")]
    [InlineData("/api/v1/campaigns", """{"templateId": "scientific-outlook-campaign", "name": "x", "organization": "d\ud800"}""", "$.organization", "U+D800")]
    [InlineData("{campaign}/transitions", """{"trigger": "suspend", "reason": "\udc00 late"}""", "$.reason", "U+DC00")]
    [InlineData("{campaign}/tasks/studyMobilization:1/complete", """{"result": {"heldOn": "2023-03-01", "minutes": ["ok", "\u0000"]}}""", "$.result.minutes[]", "U+0000")]
    [InlineData("{campaign}/tasks/studyMobilization:1/complete", """{"result": {"he\u0000ldOn": "2023-03-01"}}""", "$.result.he\u0000ldOn", "U+0000")]
    public async Task NulAndLoneSurrogates_Are400_WithThePath_AndWriteNothing(string url, string body, string path, string character)
    {
        var before = await Arrange();
        var target = url.Replace("{campaign}", _campaign, StringComparison.Ordinal);
        var (en, _) = await Problems.RefusedAsync(h => PostText(target, body, h), HttpStatusCode.BadRequest, "request.text_invalid", "which cannot be stored", "无法保存");
        Assert.Equal((path, character), (en.Json.GetProperty("arguments").GetProperty("path").GetString(), en.Json.GetProperty("arguments").GetProperty("character").GetString()));
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task InvalidUtf8_Is400_AndWritesNothing()
    {
        var before = await Arrange();
        var bytes = Encoding.UTF8.GetBytes("""{"trigger": "suspend", "reason": "ok"}""").ToList();
        bytes.InsertRange(bytes.Count - 3, [0xC3, 0x28]); // a lead byte followed by a non-continuation byte
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new("application/json");
        var response = await _client.SendAsync(HttpMethod.Post, $"{_campaign}/transitions", content);
        Problems.Assert(response, HttpStatusCode.BadRequest, "request.text_invalid", "invalid UTF-8");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    /// <summary>Out-of-range page sizes, unknown filter values and negative positions are refused, not clamped into a page that looks right.</summary>
    [Theory]
    [InlineData("/api/v1/campaigns?limit=-1", "request.limit_invalid", "limit must be a whole number from 1 to 200, not -1", "limit 必须是 1 到 200 之间的整数")]
    [InlineData("/api/v1/campaigns?limit=0", "request.limit_invalid", "not 0", "而不是 0")]
    [InlineData("/api/v1/campaigns?limit=201", "request.limit_invalid", "not 201", "而不是 201")]
    [InlineData("/api/v1/tasks?limit=1000", "request.limit_invalid", "not 1000", "而不是 1000")]
    [InlineData("/api/v1/campaigns?status=bogus", "request.filter_invalid", "status must be one of notStarted, running, suspended, completed, cancelled, not 'bogus'", "status 只能是")]
    [InlineData("/api/v1/tasks?status=done", "request.filter_invalid", "status must be one of active, completed, cancelled, not 'done'", "status 只能是")]
    [InlineData("{campaign}/history?after=-1", "request.parameter_invalid", "after", "after")]
    [InlineData("{campaign}/history?limit=0", "request.limit_invalid", "not 0", "而不是 0")]
    public async Task PagingAndFilters_OutOfRange_Are400(string url, string code, string english, string chinese)
    {
        await Arrange();
        var auditor = await api.ClientAsync("range-auditor", Roles.Auditor, Roles.Operator);
        var target = url.Replace("{campaign}", _campaign, StringComparison.Ordinal);
        await Problems.RefusedAsync(h => auditor.GetJsonAsync(target, h), HttpStatusCode.BadRequest, code, english, chinese);
    }

    [Fact]
    public async Task UnknownMembers_Are400_AndABareResultIsToldHowToWrapIt()
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => PostText($"{_campaign}/tasks/studyMobilization:1/complete", """{"heldOn": "2023-03-01"}""", h),
            HttpStatusCode.BadRequest, "task.result_unwrapped", "send it as {\"result\": {\"heldOn\": …}}", "请按 {\"result\": {\"heldOn\": …}} 发送");
        Assert.Equal("heldOn", en.Json.GetProperty("arguments").GetProperty("key").GetString());
        await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", """{"trigger": "suspend", "reasn": "typo"}""", h),
            HttpStatusCode.BadRequest, "request.unknown_field", "The request body has \"reasn\"", "“reasn”");
        await Problems.RefusedAsync(h => PostText("/api/v1/campaigns",
            """{"templateId": "scientific-outlook-campaign", "name": "x", "organisation": "district-education-bureau"}""", h),
            HttpStatusCode.BadRequest, "request.unknown_field", "\"organisation\"", "“organisation”");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task ATaskIdWithoutItsIteration_IsAnsweredWithTheOpenInstances()
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/tasks/studyMobilization/complete", SeedData.Meeting("2023-03-01"), h),
            HttpStatusCode.NotFound, "task.iteration_missing", "A task id names its iteration, as in 'studyMobilization:1'; the open instances of 'studyMobilization' are: studyMobilization:1.",
            "“studyMobilization”当前打开的任务实例为：studyMobilization:1");
        Assert.Equal("studyMobilization:1", en.Json.GetProperty("arguments").GetProperty("instances").GetString());
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/tasks/noSuchActivity/reassign", new { assignee = "someone" }, h),
            HttpStatusCode.NotFound, "task.iteration_missing", "are: -.", "任务实例为：-");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task DuplicateKeys_Are400_AndWriteNothing()
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", """{"trigger": "suspend", "trigger": "cancel"}""", h),
            HttpStatusCode.BadRequest, "request.duplicate_key", "The request body names \"trigger\" twice", "“trigger”出现了两次");
        Assert.Equal("trigger", en.Json.GetProperty("arguments").GetProperty("key").GetString());
        await Problems.RefusedAsync(h => PostText($"{_campaign}/tasks/studyMobilization:1/complete",
            """{"result": {"heldOn": "2023-03-01", "heldOn": "2023-03-02"}}""", h), HttpStatusCode.BadRequest, "request.duplicate_key", "\"heldOn\" twice", "“heldOn”出现了两次");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task MalformedJson_Is400_RequestMalformed()
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => PostText("/api/v1/campaigns", """{"templateId": "scientific-outlook-campaign", "name": """, h),
            HttpStatusCode.BadRequest, "request.malformed", "The request body is not valid JSON", "请求正文不是有效的 JSON");
        Assert.Equal("1", en.Json.GetProperty("arguments").GetProperty("line").GetString());
        await Problems.RefusedAsync(h => PostText($"{_campaign}/tasks/studyMobilization:1/complete", "{result: {heldOn: '2023-03-01'}}", h),
            HttpStatusCode.BadRequest, "request.malformed", "not valid JSON", "不是有效的 JSON");
        await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", """{"trigger": "advance"} trailing""", h),
            HttpStatusCode.BadRequest, "request.malformed", "not valid JSON", "不是有效的 JSON");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task WrongJsonTypes_Are400_ValueInvalid_NamingThePathAndType()
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(
            h => PostText("/api/v1/campaigns", """{"templateId": "scientific-outlook-campaign", "templateVersion": "one", "name": "n", "organization": "o"}""", h),
            HttpStatusCode.BadRequest, "request.value_invalid", "The value at $.templateVersion must be a JSON integer, not string.", "$.templateVersion 处的值类型错误，应为 JSON integer，而不是 string");
        Assert.Equal("$.templateVersion", en.Json.GetProperty("arguments").GetProperty("path").GetString());
        await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", """{"trigger": 5}""", h),
            HttpStatusCode.BadRequest, "request.value_invalid", "$.trigger must be a JSON string", "$.trigger 处的值类型错误");
        await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", """["advance"]""", h),
            HttpStatusCode.BadRequest, "request.value_invalid", "The value at $ must be a JSON object", "$ 处的值类型错误，应为 JSON object");
        await Problems.RefusedAsync(h => PostText($"{_campaign}/tasks/studyMobilization:1/complete", """{"outcome": ["Approved"]}""", h),
            HttpStatusCode.BadRequest, "request.value_invalid", "$.outcome must be a JSON string", "$.outcome 处的值类型错误");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    /// <summary>Broken JSON: the line and byte where it broke, what stands there, and what belonged there, in both languages.</summary>
    [Theory]
    [InlineData("{\n  \"trigger\": \"suspend\",\n  \"reason\" \"late\"\n}", "3", "12", "colon", "'\"late\"'", "a colon belongs after the member name", "字段名后应为冒号")]
    [InlineData("{\"trigger\": \"advance\"} trailing", "1", "24", "nothing", "'trailing'", "follows the complete JSON value; send one value", "请只发送一个 JSON 值")]
    [InlineData("{trigger: 'suspend'}", "1", "2", "name", "'trigger'", "a member name in double quotes belongs, not 'trigger'", "应为带双引号的字段名")]
    [InlineData("{\"trigger\": \"suspend\",\n \"reason\": ", "2", "12", "end", "", "it ends at line 2, position 12, before the JSON is complete", "提前结束")]
    [InlineData("{\"trigger\": \"suspend\" \"reason\": \"x\"}", "1", "23", "commaOrBrace", "'\"reason\"'", "a comma or } belongs, not '\"reason\"'", "应为逗号或 }")]
    [InlineData("{\"trigger\": [\"suspend\" 1]}", "1", "24", "commaOrBracket", "'1'", "a comma or ] belongs, not '1'", "应为逗号或 ]")]
    [InlineData("{\"trigger\": tru}", "1", "13", "value", "'tru'", "a value belongs, not 'tru'", "应为值，而不是 'tru'")]
    public async Task BrokenJson_SaysWhereAndWhatBelongsThere(string body, string line, string position, string expected, string found, string english, string chinese)
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", body, h), HttpStatusCode.BadRequest, "request.malformed", english, chinese);
        var arguments = en.Json.GetProperty("arguments");
        Assert.Equal((line, position, expected, found),
            (arguments.GetProperty("line").GetString(), arguments.GetProperty("position").GetString(), arguments.GetProperty("expected").GetString(), arguments.GetProperty("found").GetString()));
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    /// <summary>Well-formed JSON with a value its field's type cannot take: the path, the JSON type wanted and the one sent, or the range.</summary>
    [Theory]
    [InlineData("""{"templateId": "t", "templateVersion": true, "name": "n", "organization": "o"}""", "$.templateVersion", "must be a JSON integer, not boolean", "应为 JSON integer，而不是 boolean")]
    [InlineData("""{"templateId": "t", "templateVersion": 1.5, "name": "n", "organization": "o"}""", "$.templateVersion", "must be a whole number from -2147483648 to 2147483647, not 1.5", "之间的整数，而不是 1.5")]
    [InlineData("""{"templateId": "t", "templateVersion": 99999999999, "name": "n", "organization": "o"}""", "$.templateVersion", "not 99999999999", "而不是 99999999999")]
    [InlineData("""{"templateId": {"id": "t"}, "templateVersion": 1, "name": "n", "organization": "o"}""", "$.templateId", "must be a JSON string, not object", "应为 JSON string，而不是 object")]
    [InlineData("""{"templateId": "t", "templateVersion": 1, "name": false, "organization": "o"}""", "$.name", "must be a JSON string, not boolean", "应为 JSON string，而不是 boolean")]
    public async Task WrongTokenTypes_NameThePathAndBothTypes(string body, string path, string english, string chinese)
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => PostText("/api/v1/campaigns", body, h), HttpStatusCode.BadRequest, "request.value_invalid", english, chinese);
        Assert.Equal(path, en.Json.GetProperty("arguments").GetProperty("path").GetString());
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    /// <summary>A route or query value its parameter's type cannot parse names the parameter and the value.</summary>
    [Theory]
    [InlineData("/api/v1/campaigns?limit=ten", "limit", "ten")]
    [InlineData("/api/v1/events?definitions=maybe", "definitions", "maybe")]
    [InlineData("/api/v1/events?campaign=not-a-guid", "campaign", "not-a-guid")]
    [InlineData("{campaign}/history?after=1.5", "after", "1.5")]
    public async Task UnparsableParameters_Are400_ParameterInvalid(string url, string parameter, string value)
    {
        await Arrange();
        var target = url.Replace("{campaign}", _campaign, StringComparison.Ordinal);
        var (en, _) = await Problems.RefusedAsync(h => _client.GetJsonAsync(target, h), HttpStatusCode.BadRequest, "request.parameter_invalid",
            $"The parameter {parameter} cannot be '{value}'.", $"参数 {parameter} 的值“{value}”无效");
        Assert.Equal((parameter, value), (en.Json.GetProperty("arguments").GetProperty("parameter").GetString(), en.Json.GetProperty("arguments").GetProperty("value").GetString()));
    }

    [Fact]
    public async Task ResultOfTheWrongType_Is422_ResultInvalid_WithAPointer()
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => PostText($"{_campaign}/tasks/studyMobilization:1/complete", """{"result": "held on 1 March"}""", h),
            (HttpStatusCode)422, "task.result_invalid", "studyMobilization:1", "任务实例“studyMobilization:1”的办理结果无效");
        Assert.NotEmpty(en.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task ResultFailingValidation_Is422_WithJsonPointers()
    {
        var before = await Arrange();
        var (en, zh) = await Problems.RefusedAsync(
            h => _client.PostJsonAsync($"{_campaign}/tasks/studyMobilization:1/complete", new { result = new { heldOn = "the first of March" } }, h),
            (HttpStatusCode)422, "task.result_invalid", "studyMobilization:1", "任务实例“studyMobilization:1”的办理结果无效");
        foreach (var response in new[] { en, zh })
        {
            var error = Assert.Single(response.Json.GetProperty("errors").EnumerateArray());
            Assert.Equal("/heldOn", error.GetProperty("pointer").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        }
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task UnknownCampaign_Is404_CampaignNotFound()
    {
        var before = await Arrange();
        var unknown = $"/api/v1/campaigns/{Guid.NewGuid()}";
        await Problems.RefusedAsync(h => _client.GetJsonAsync(unknown, h), HttpStatusCode.NotFound, "campaign.not_found", "There is no campaign", "不存在");
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{unknown}/transitions", new { trigger = "start" }, h),
            HttpStatusCode.NotFound, "campaign.not_found", "There is no campaign", "不存在");
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{unknown}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), h),
            HttpStatusCode.NotFound, "campaign.not_found", "There is no campaign", "不存在");
        foreach (var read in new[] { "progress", "history", "diagram" })
            Problems.Assert(await _client.GetJsonAsync($"{unknown}/{read}"), HttpStatusCode.NotFound, "campaign.not_found", "There is no campaign");
        // Not an id at all: nothing is routed there.
        await Problems.RefusedAsync(h => _client.GetJsonAsync("/api/v1/campaigns/not-a-guid/progress", h),
            HttpStatusCode.NotFound, "resource.not_found", "There is nothing at /api/v1/campaigns/not-a-guid/progress", "不存在");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task UnknownTask_Is404_TaskNotFound()
    {
        var before = await Arrange();
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/tasks/noSuchTask:1/complete", Meeting("2023-03-01"), h),
            HttpStatusCode.NotFound, "task.not_found", "noSuchTask:1", "当前阶段没有任务实例“noSuchTask:1”");
        // A later iteration of a real task is not the task either.
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/tasks/studyMobilization:2/reassign", new { assignee = "deputy.liu" }, h),
            HttpStatusCode.NotFound, "task.not_found", "studyMobilization:2", "studyMobilization:2");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task UnknownTrigger_Is400_TriggerUnknown()
    {
        var before = await Arrange();
        var (en, _) = await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/transitions", new { trigger = "launch" }, h),
            HttpStatusCode.BadRequest, "campaign.trigger_unknown", "'launch' is not a trigger; use one of", "“launch”不是有效的触发器");
        Assert.Contains("advance", en.Json.GetProperty("arguments").GetProperty("triggers").GetString());
        // Enum numbers are not triggers either.
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/transitions", new { trigger = "1" }, h),
            HttpStatusCode.BadRequest, "campaign.trigger_unknown", "'1' is not a trigger", "“1”不是有效的触发器");
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/transitions", new { reason = "no trigger" }, h),
            HttpStatusCode.BadRequest, "campaign.trigger_unknown", "is not a trigger", "不是有效的触发器");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task OversizedBody_Is413_RequestTooLarge()
    {
        var before = await Arrange();
        var body = JsonSerializer.Serialize(new { result = new { heldOn = "2023-03-01" }, comment = new string('x', 1024 * 1024) });
        await Problems.RefusedAsync(h => PostText($"{_campaign}/tasks/studyMobilization:1/complete", body, h),
            HttpStatusCode.RequestEntityTooLarge, "request.too_large", "larger than the 1048576 bytes allowed", "请求正文超过允许的 1048576 字节");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task BadPagingCursors_Are400_CursorInvalid()
    {
        var before = await Arrange();
        await CampaignSteps.CreateAsync(_client, "第二个活动");
        foreach (var url in new[] { "/api/v1/campaigns?cursor=not-a-cursor!", "/api/v1/tasks?cursor=%25%25%25", "/api/v1/campaigns?cursor=dGFza3M6MQ", "/api/v1/events?after=-1" })
            await Problems.RefusedAsync(h => _client.GetJsonAsync(url, h),
                HttpStatusCode.BadRequest, "paging.cursor_invalid", "The paging cursor is not valid", "分页游标无效");
        // A real cursor of one list is refused by the other, and works on its own.
        var first = await _client.GetJsonAsync("/api/v1/campaigns?limit=1");
        var cursor = first.Json.GetProperty("nextCursor").GetString()!;
        Problems.Assert(await _client.GetJsonAsync($"/api/v1/tasks?cursor={cursor}"), HttpStatusCode.BadRequest, "paging.cursor_invalid", "not valid");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetJsonAsync($"/api/v1/campaigns?limit=1&cursor={cursor}")).Status);
        await Problems.RefusedAsync(h => _client.GetJsonAsync("/api/v1/tasks?limit=many", h),
            HttpStatusCode.BadRequest, "request.parameter_invalid", "The parameter limit cannot be 'many'.", "参数 limit 的值“many”无效");
    }

    [Fact]
    public async Task MissingBodyFieldsAndMediaType_Are4xx_WithTheirOwnCodes()
    {
        var before = await Arrange();
        await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", "", h),
            HttpStatusCode.BadRequest, "request.body_required", "The request needs a JSON body.", "请求需要 JSON 正文");
        await Problems.RefusedAsync(h => PostText($"{_campaign}/transitions", "null", h),
            HttpStatusCode.BadRequest, "request.body_required", "The request needs a JSON body.", "请求需要 JSON 正文");
        await Problems.RefusedAsync(h => _client.PostTextAsync($"{_campaign}/transitions", "trigger=advance", "text/plain", h),
            HttpStatusCode.UnsupportedMediaType, "request.media_type_unsupported", "application/json", "application/json");
        await Problems.RefusedAsync(
            h => _client.PostJsonAsync("/api/v1/campaigns", new { templateId = "scientific-outlook-campaign", templateVersion = 1, organization = "o", parameters = Parameters }, h),
            HttpStatusCode.BadRequest, "request.field_required", "name is required.", "缺少必填字段 name");
        await Problems.RefusedAsync(h => _client.PostJsonAsync("/api/v1/campaigns", NewCampaign(new string('名', 401)), h),
            HttpStatusCode.BadRequest, "request.field_too_long", "name is longer than the 400 characters allowed.", "name 超过允许的 400 个字符");
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/transitions", new { trigger = "suspend" }, [.. h, ("Idempotency-Key", new string('k', 201))]),
            HttpStatusCode.BadRequest, "request.field_too_long", "Idempotency-Key is longer than the 200 characters allowed.", "Idempotency-Key 超过允许的 200 个字符");
        await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/tasks/studyMobilization:1/reassign", new { assignee = new string('a', 201) }, h),
            HttpStatusCode.BadRequest, "request.field_too_long", "assignee is longer than the 200 characters allowed.", "assignee 超过允许的 200 个字符");
        await Problems.RefusedAsync(h => _client.PostJsonAsync("/api/v1/campaigns", new { templateId = "no-such-template", templateVersion = 1, name = "n", organization = "o" }, h),
            HttpStatusCode.NotFound, "template.not_found", "There is no published template no-such-template version 1", "不存在已发布的模板 no-such-template");
        await Problems.RefusedAsync(h => _client.GetJsonAsync($"{_campaign}/diagram?format=png", h),
            HttpStatusCode.BadRequest, "diagram.format_unknown", "'png' is not a diagram format", "“png”不是可用的图格式");
        Assert.Equal(before, await DbState.ReadAsync(api));
    }

    [Fact]
    public async Task GateRefusal_Is409_WithEveryGateAndItsState()
    {
        var before = await Arrange();
        var (en, zh) = await Problems.RefusedAsync(h => _client.PostJsonAsync($"{_campaign}/transitions", new { trigger = "advance" }, h),
            HttpStatusCode.Conflict, "campaign.trigger_not_permitted", "Advance", "当前不允许执行");
        // The Chinese detail is Chinese throughout: the trigger, the guards and the gates' own names.
        var zhDetail = zh.Json.GetProperty("detail").GetString()!;
        Assert.StartsWith("当前不允许执行“转入下一阶段”：", zhDetail, StringComparison.Ordinal);
        Assert.Contains("转段条件未满足", zhDetail, StringComparison.Ordinal);
        Assert.Contains("尚无法判定", zhDetail, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,} (is|has|not|the) ", zhDetail);
        foreach (var response in new[] { en, zh })
        {
            var gates = response.Json.GetProperty("gates").EnumerateArray().ToList();
            Assert.NotEmpty(gates);
            Assert.All(gates, g => Assert.Contains(g.GetProperty("state").GetString(), new[] { "met", "unmet", "pending", "error" }));
            var research = gates.Single(g => g.GetProperty("id").GetString() == "researchRecorded");
            Assert.Equal("pending", research.GetProperty("state").GetString());
            Assert.Equal("researchVisits", research.GetProperty("waitingFor")[0].GetString());
            Assert.NotEmpty(response.Json.GetProperty("unmetGuards").EnumerateArray());
        }
        Assert.NotEqual(en.Json.GetProperty("gates")[0].GetProperty("displayName").GetString(), zh.Json.GetProperty("gates")[0].GetProperty("displayName").GetString());
        Assert.Equal(before, await DbState.ReadAsync(api));
    }
}

public sealed class RequestErrorsOnSqlite(SqliteApiFactory api) : RequestErrorTests(api), IClassFixture<SqliteApiFactory>;

[Trait("Database", "PostgreSql")]
public sealed class RequestErrorsOnPostgres(PostgresApiFactory api) : RequestErrorTests(api), IClassFixture<PostgresApiFactory>;
