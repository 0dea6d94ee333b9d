using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Features.Demo;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Tickets;

/// <summary>
/// Feedback through the API on both databases: an agency opens a complaint with a PDF, files that are
/// not what they claim or too large are refused by name with nothing stored, the branch of the region
/// answers in time, another agency sees nothing of it, and the agency closes it with its rating.
/// </summary>
public sealed class TicketTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 0, 0, TimeSpan.Zero); // a Friday
    private static readonly byte[] Pdf = [.. "%PDF-1.4\n"u8, .. Enumerable.Repeat((byte)'x', 200)];

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task An_agency_complains_the_branch_answers_in_time_and_the_agency_closes_with_its_rating(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider, b =>
        {
            b.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
            b.Configuration["Tickets:MaxAttachmentBytes"] = "1000";
        });
        using var agency = await world.ClientAsync(LindungRoles.AgencyOperator);

        var opened = await PostFormAsync(agency, "/api/v1/tickets", HttpStatusCode.Created,
            [("category", "pengaduan"), ("subject", "Kartu peserta 12 honorer belum terbit"), ("text", "Sudah didaftarkan bulan lalu.")], ("daftar.pdf", Pdf));
        var id = opened.GetProperty("id").GetGuid();
        Assert.Equal("TK/35.77/2026/0002", opened.GetProperty("number").GetString()); // the fixture holds 0001
        Assert.Equal(("OPEN", "PENGADUAN", "2026-12-11"), (opened.GetProperty("status").GetString(), opened.GetProperty("category").GetString(), opened.GetProperty("answer_due_on").GetString()));

        // Refused by name, nothing stored: a program renamed to .pdf, a file over the limit, four files, no category.
        var (tickets, files) = await CountAsync(world);
        await AssertRefusedAsync(agency, "/api/v1/tickets", "ATTACHMENT_TYPE", [("category", "kritik"), ("subject", "s"), ("text", "t")], ("surat.pdf", [0x4D, 0x5A, 0x90, 0x00]));
        await AssertRefusedAsync(agency, "/api/v1/tickets", "ATTACHMENT_TOO_LARGE", [("category", "kritik"), ("subject", "s"), ("text", "t")], ("besar.pdf", [.. Pdf, .. new byte[1000]]));
        await AssertRefusedAsync(agency, "/api/v1/tickets", "ATTACHMENTS_TOO_MANY", [("category", "kritik"), ("subject", "s"), ("text", "t")],
            ("1.pdf", Pdf), ("2.pdf", Pdf), ("3.pdf", Pdf), ("4.pdf", Pdf));
        await AssertRefusedAsync(agency, "/api/v1/tickets", "TICKET_CATEGORY_INVALID", [("category", "pujian"), ("subject", "s"), ("text", "t")]);
        Assert.Equal((tickets, files), await CountAsync(world));

        // The branch of 35.77 sees both of the region's tickets (the fixture's past its due day), not 35.19's; it answers.
        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        var list = await JsonApi.GetOkAsync(branch, "/api/v1/tickets");
        Assert.Equal([world.TicketIn.Id, id], list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        Assert.Equal([true, false], list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("overdue").GetBoolean()));
        Assert.Equal((2, 1), (list.GetProperty("summary").GetProperty("open").GetInt32(), list.GetProperty("summary").GetProperty("overdue").GetInt32()));
        Assert.Contains("id=\"overdue-tickets\"", await Pages.HtmlAsync(branch, "/"), StringComparison.Ordinal);
        var answered = await JsonApi.PostOkAsync(branch, $"/api/v1/tickets/{id}/replies", new { text = "Kartu sudah terbit, silakan unduh di aplikasi." });
        Assert.Equal(("ANSWERED", "2026-12-04"), (answered.GetProperty("status").GetString(), answered.GetProperty("first_answered_on").GetString()));

        // The thread with its file, which the branch downloads as sent.
        var thread = await JsonApi.GetOkAsync(agency, $"/api/v1/tickets/{id}");
        var messages = thread.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal([false, true], messages.Select(m => m.GetProperty("from_branch").GetBoolean()));
        var file = messages[0].GetProperty("files").EnumerateArray().Single();
        Assert.Equal(("daftar.pdf", "PDF"), (file.GetProperty("file_name").GetString(), file.GetProperty("kind").GetString()));
        var download = $"/api/v1/tickets/{id}/attachments/{file.GetProperty("id").GetGuid()}";
        using (var got = await branch.GetAsync(new Uri(download, UriKind.Relative)))
        {
            Assert.Equal("application/pdf", got.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Pdf, await got.Content.ReadAsByteArrayAsync());
        }

        // Another agency of the same region sees nothing of it.
        using var otherAgency = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyB.Code);
        foreach (var path in new[] { $"/api/v1/tickets/{id}", download })
        {
            using var hidden = await otherAgency.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        Assert.Empty((await JsonApi.GetOkAsync(otherAgency, "/api/v1/tickets")).GetProperty("items").EnumerateArray());

        // The agency closes it: a rating is required, then no one writes in it again.
        await AssertJsonRefusedAsync(agency, $"/api/v1/tickets/{id}/close", new { note = "ok" }, "TICKET_SATISFACTION_INVALID");
        await AssertJsonRefusedAsync(agency, $"/api/v1/tickets/{id}/close", new { satisfaction = 6 }, "TICKET_SATISFACTION_INVALID");
        var closed = await JsonApi.PostOkAsync(agency, $"/api/v1/tickets/{id}/close", new { satisfaction = 4, note = "Cepat ditangani." });
        Assert.Equal(("CLOSED", 4), (closed.GetProperty("status").GetString(), closed.GetProperty("satisfaction").GetInt32()));
        await AssertJsonRefusedAsync(branch, $"/api/v1/tickets/{id}/replies", new { text = "Tambahan." }, "TICKET_CLOSED");

        var summary = (await JsonApi.GetOkAsync(branch, "/api/v1/tickets")).GetProperty("summary");
        Assert.Equal((1, 1, 0, 4.0, 1), (summary.GetProperty("open").GetInt32(), summary.GetProperty("answered_in_time").GetInt32(),
            summary.GetProperty("answered_late").GetInt32(), summary.GetProperty("mean_satisfaction").GetDouble(), summary.GetProperty("rated").GetInt32()));

        // Every step is in the audit trail under the user who took it.
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var actors = await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(TicketMessage)).Select(a => a.Actor).Distinct().ToListAsync();
        Assert.Contains(opened.GetProperty("opened_by").GetString(), actors);
        Assert.Contains(messages[1].GetProperty("by").GetString(), actors);
        Assert.NotEqual(opened.GetProperty("opened_by").GetString(), messages[1].GetProperty("by").GetString());
    }

    private static async Task<(int Tickets, int Files)> CountAsync(ApiWorld world)
    {
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        return (await db.Tickets.CountAsync(), await db.TicketAttachments.CountAsync());
    }

    private static async Task<JsonElement> PostFormAsync(
        HttpClient client, string path, HttpStatusCode expected, (string Name, string Value)[] fields, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        using var response = await client.PostAsync(new Uri(path + "?lang=id", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertRefusedAsync(HttpClient client, string path, string code, (string Name, string Value)[] fields, params (string Name, byte[] Content)[] files)
    {
        var problem = await PostFormAsync(client, path, HttpStatusCode.BadRequest, fields, files);
        Assert.Contains(code, problem.ToString(), StringComparison.Ordinal);
    }

    private static async Task AssertJsonRefusedAsync(HttpClient client, string path, object body, string code)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Contains(code, text, StringComparison.Ordinal);
    }
}
