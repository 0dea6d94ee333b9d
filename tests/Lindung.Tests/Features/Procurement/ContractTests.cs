using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Rosters;
using Lindung.Tests.Features.Api;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lindung.Tests.Features.Procurement;

/// <summary>
/// The contract registry and its payment gate on both databases: construction refused until Jakon
/// is registered and paid, outsourcing refused while an assigned worker is not an active PU member
/// of the contractor, a commitment officer confined to its agency, bad requests named and not stored.
/// </summary>
public sealed class ContractTests
{
    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Construction_stage_is_refused_until_Jakon_is_registered_and_paid_then_allowed(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var officer = await world.ClientAsync(LindungRoles.ProcurementOfficer);
        var created = await CreateAsync(officer, new
        {
            number = "SPK/PU/2026/010",
            commitment_officer = "Ir. Bambang",
            contractor = world.EmployerIn.Npp,
            kind = "KONSTRUKSI",
            value = 750_000_000,
            start_date = "2026-03-01",
            end_date = "2026-09-30",
            location_code = "35.77.01.1001",
            stages = new object[] { new { number = 1, share = 30 }, new { number = 2, share = 70, planned_date = "2026-09-30" } },
        });
        var id = created.GetProperty("id").GetString();
        Assert.Equal(1_375_000, created.GetProperty("jakon").GetProperty("due").GetInt64());
        Assert.Equal(525_000_000, created.GetProperty("stages")[1].GetProperty("amount").GetInt64());

        var refused = await GateAsync(officer, id!, 1);
        Assert.False(refused.GetProperty("payable").GetBoolean());
        Assert.Equal(["JAKON_NOT_REGISTERED", "JAKON_NOT_PAID"], refused.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Contains("Jakon", refused.GetProperty("reasons")[0].GetProperty("message_id").GetString(), StringComparison.Ordinal);
        Assert.Contains("Jakon", refused.GetProperty("reasons")[0].GetProperty("message_en").GetString(), StringComparison.Ordinal);

        // The commitment officer may not record Jakon; the branch does.
        using (var forbidden = await officer.PutAsJsonAsync(new Uri($"/api/v1/contracts/{id}/jakon", UriKind.Relative), new { registration_number = "X" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        await PutOkAsync(branch, $"/api/v1/contracts/{id}/jakon", new { registration_number = "JK-3577-2026-0001", paid_amount = 1_000_000, paid_date = "2026-03-05" });
        var partly = await GateAsync(officer, id!, 1);
        Assert.False(partly.GetProperty("payable").GetBoolean());
        var notPaid = Assert.Single(partly.GetProperty("reasons").EnumerateArray());
        Assert.Equal("JAKON_NOT_PAID", notPaid.GetProperty("code").GetString());
        Assert.Equal((1_375_000L, 1_000_000L), (notPaid.GetProperty("evidence").GetProperty("due").GetInt64(), notPaid.GetProperty("evidence").GetProperty("paid").GetInt64()));

        await PutOkAsync(branch, $"/api/v1/contracts/{id}/jakon", new { registration_number = "JK-3577-2026-0001", paid_amount = 1_375_000, paid_date = "2026-03-06" });
        var allowed = await GateAsync(officer, id!, 2);
        Assert.True(allowed.GetProperty("payable").GetBoolean());
        Assert.Equal("JAKON_PAID", allowed.GetProperty("reasons")[0].GetProperty("code").GetString());

        var unknown = await GateAsync(officer, id!, 3);
        Assert.Equal("UNKNOWN_STAGE", unknown.GetProperty("reasons")[0].GetProperty("code").GetString());

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        var checks = await db.PaymentGateChecks.Where(c => c.ContractId == Guid.Parse(id!)).OrderBy(c => c.AskedAt).ToListAsync();
        Assert.Equal([false, false, true, false], checks.Select(c => c.Payable));
        Assert.All(checks, c => Assert.Contains("@", c.AskedBy, StringComparison.Ordinal));
        // The Jakon record is audited with who recorded it.
        var updates = await db.AuditEvents.Where(e => e.EntityType == nameof(Contract) && e.EntityKey == id && e.Action == AuditAction.Update).ToListAsync();
        Assert.Equal(2, updates.Count);
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Outsourcing_is_refused_while_an_assigned_worker_is_not_an_active_PU_member_of_the_contractor(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var member = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1991, 4, 1), Sex.L, 41);
        var outsider = Lindung.Domain.Identifiers.Nik.Compose("35.77.01", new DateOnly(1992, 4, 2), Sex.P, 42);
        await using (var scope = world.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
            var worker = new Worker { Nik = member, Name = "Satpam Uji", Sex = Sex.L, RegionCode = "35.77.01.1001" };
            db.Add(worker);
            db.Add(new Membership
            {
                Kpj = "99000000001",
                WorkerId = worker.Id,
                Segment = Segment.Pu,
                Programs = ProgramSet.Jkk | ProgramSet.Jkm,
                EmployerNpp = world.EmployerIn.Npp,
                Status = MembershipStatus.Active,
                ReportedWage = 2_500_000,
                ValidFrom = new DateOnly(2025, 1, 1),
                RegionCode = ApiWorld.Region,
            });
            await db.SaveChangesAsync();
        }

        using var officer = await world.ClientAsync(LindungRoles.ProcurementOfficer);
        var created = await CreateAsync(officer, new
        {
            number = "SPK/KEBERSIHAN/2026/1",
            contractor = world.EmployerIn.Npp,
            kind = "JASA_LAINNYA",
            value = 240_000_000,
            start_date = "2026-01-01",
            end_date = "2026-12-31",
            location_code = "35.77.01.1001",
            stages = new object[] { new { number = 1, amount = 120_000_000 }, new { number = 2, amount = 120_000_000 } },
        });
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("NO_WORKERS_ASSIGNED", (await GateAsync(officer, id, 1)).GetProperty("reasons")[0].GetProperty("code").GetString());

        // A bad NIK refuses the whole list by position and changes nothing.
        using (var bad = await officer.PutAsJsonAsync(new Uri($"/api/v1/contracts/{id}/workers", UriKind.Relative), new { niks = new[] { member, "12345" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
            Assert.Equal("NIK_LENGTH", problem.RootElement.GetProperty("codes").GetProperty("niks[1]").GetString());
        }

        await PutOkAsync(officer, $"/api/v1/contracts/{id}/workers", new { niks = new[] { member, outsider } });
        var refused = await GateAsync(officer, id, 1);
        Assert.False(refused.GetProperty("payable").GetBoolean());
        var reason = Assert.Single(refused.GetProperty("reasons").EnumerateArray());
        Assert.Equal("WORKERS_NOT_ACTIVE", reason.GetProperty("code").GetString());
        Assert.Equal(1, reason.GetProperty("evidence").GetProperty("count").GetInt32());
        Assert.Equal([Lindung.Domain.Identifiers.Nik.Mask(outsider)], reason.GetProperty("evidence").GetProperty("masked_niks").EnumerateArray().Select(n => n.GetString()));
        Assert.DoesNotContain(outsider, refused.GetRawText(), StringComparison.Ordinal);

        await PutOkAsync(officer, $"/api/v1/contracts/{id}/workers", new { niks = new[] { member } });
        var allowed = await GateAsync(officer, id, 2);
        Assert.True(allowed.GetProperty("payable").GetBoolean());
        Assert.Equal("WORKERS_ACTIVE", allowed.GetProperty("reasons")[0].GetProperty("code").GetString());

        // Goods are payable without a gate, and say so.
        var goods = await CreateAsync(officer, new
        {
            number = "SPK/ATK/2026/1",
            contractor = world.EmployerIn.Npp,
            kind = "BARANG",
            value = 50_000_000,
            start_date = "2026-02-01",
            end_date = "2026-02-28",
            location_code = "35.77.01.1001",
            stages = new object[] { new { number = 1, share = 100 } },
        });
        var goodsGate = await GateAsync(officer, goods.GetProperty("id").GetString()!, 1);
        Assert.True(goodsGate.GetProperty("payable").GetBoolean());
        Assert.Equal("GOODS_NO_GATE", goodsGate.GetProperty("reasons")[0].GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task A_commitment_officer_of_agency_A_cannot_see_or_change_agency_B_contracts(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        var ofB = await CreateAsync(admin, new
        {
            number = "SPK/B/2026/1",
            agency_id = world.AgencyB.Id,
            contractor = world.EmployerIn.Npp,
            kind = "JASA_LAINNYA",
            value = 100_000_000,
            start_date = "2026-01-01",
            end_date = "2026-06-30",
            location_code = "35.77.02.1001",
            stages = new object[] { new { number = 1, share = 100 } },
        });
        var idB = ofB.GetProperty("id").GetString();

        using var officer = await world.ClientAsync(LindungRoles.ProcurementOfficer);
        using (var list = await officer.GetAsync(new Uri("/api/v1/contracts", UriKind.Relative)))
        {
            using var page = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
            Assert.Equal([world.ContractIn.Number], page.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()));
        }

        foreach (var path in new[] { $"/api/v1/contracts/{idB}", $"/api/v1/contracts/{idB}/payment-gate?stage=1" })
        {
            using var response = await officer.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using (var put = await officer.PutAsJsonAsync(new Uri($"/api/v1/contracts/{idB}/workers", UriKind.Relative), new { niks = Array.Empty<string>() }))
        {
            Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        }

        // Naming agency B when registering is refused by name.
        using (var post = await officer.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative), new { agency_id = world.AgencyB.Id }))
        {
            using var problem = JsonDocument.Parse(await post.Content.ReadAsStringAsync());
            Assert.Equal("AGENCY_UNKNOWN", problem.RootElement.GetProperty("codes").GetProperty("agency_id").GetString());
        }

        // Pages: the list shows agency A's contract only, agency B's page is not found.
        var html = await Pages.HtmlAsync(officer, "/contracts");
        Assert.Contains(world.ContractIn.Number, html, StringComparison.Ordinal);
        Assert.DoesNotContain("SPK/B/2026/1", html, StringComparison.Ordinal);
        using (var page = await officer.GetAsync(new Uri($"/contracts/{idB}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        var mine = await Pages.HtmlAsync(officer, $"/contracts/{world.ContractIn.Id}");
        Assert.Contains("data-jakon", mine, StringComparison.Ordinal);
        Assert.Contains("Kontrak", await Pages.HtmlAsync(officer, "/"), StringComparison.Ordinal);

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(0, await db.PaymentGateChecks.CountAsync(c => c.ContractId == Guid.Parse(idB!)));
    }

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Bad_contracts_are_named_400s_and_change_nothing(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        using var officer = await world.ClientAsync(LindungRoles.ProcurementOfficer);

        var codes = await ProblemAsync(officer, new
        {
            number = world.ContractIn.Number,
            contractor = "99999999",
            kind = "JASA",
            value = -5,
            start_date = "2026-05-01",
            end_date = "2026-04-30",
            location_code = "35.77",
            stages = new object[] { new { number = 1, share = 60 }, new { number = 2, share = 50 } },
        });
        Assert.Equal("CONTRACT_NUMBER_TAKEN", codes.GetProperty("number").GetString());
        Assert.Equal("CONTRACTOR_UNKNOWN", codes.GetProperty("contractor").GetString());
        Assert.Equal("CONTRACT_KIND_UNKNOWN", codes.GetProperty("kind").GetString());
        Assert.Equal("CONTRACT_VALUE_NOT_POSITIVE", codes.GetProperty("value").GetString());
        Assert.Equal("END_BEFORE_START", codes.GetProperty("end_date").GetString());
        Assert.Equal("LOCATION_UNKNOWN", codes.GetProperty("location_code").GetString());

        codes = await ProblemAsync(officer, new
        {
            number = "SPK/X/1",
            contractor = world.EmployerIn.Npp,
            kind = "KONSTRUKSI",
            value = 100_000_000,
            start_date = "2026-05-01",
            end_date = "2026-06-30",
            location_code = "35.77.01.1001",
            stages = new object[] { new { number = 1, share = 60 }, new { number = 2, amount = 50_000_000 } },
        });
        Assert.Equal("STAGE_SHARES_EXCEED", codes.GetProperty("stages").GetString());

        using var admin = await world.ClientAsync(LindungRoles.RegionalAdmin);
        codes = await ProblemAsync(admin, new { number = "SPK/X/2" });
        Assert.Equal("AGENCY_REQUIRED", codes.GetProperty("agency_id").GetString());
        Assert.Equal("STAGES_REQUIRED", codes.GetProperty("stages").GetString());

        using var branch = await world.ClientAsync(LindungRoles.BranchOfficer);
        using (var negative = await branch.PutAsJsonAsync(new Uri($"/api/v1/contracts/{world.ContractIn.Id}/jakon", UriKind.Relative), new { registration_number = "JK-1", paid_amount = -1 }))
        {
            using var problem = JsonDocument.Parse(await negative.Content.ReadAsStringAsync());
            Assert.Equal("JAKON_PAID_NEGATIVE", problem.RootElement.GetProperty("codes").GetProperty("paid_amount").GetString());
        }

        // The page names the error in Indonesian.
        var token = await TestUsers.AntiforgeryTokenAsync(officer, "/contracts/new");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Number"] = "SPK/X/3",
            ["Input.Contractor"] = world.EmployerIn.Npp!,
            ["Input.Kind"] = "KONSTRUKSI",
            ["Input.Value"] = "100000000",
            ["Input.StartDate"] = "2026-05-01",
            ["Input.EndDate"] = "2026-04-01",
            ["Input.LocationCode"] = "35.77.01.1001",
            ["Input.Stages[0].Number"] = "1",
            ["Input.Stages[0].Share"] = "100",
        });
        using var posted = await officer.PostAsync(new Uri("/contracts/new", UriKind.Relative), form);
        Assert.Contains("Tanggal akhir kontrak sebelum tanggal mulainya.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LindungDbContext>();
        Assert.Equal(2, await db.Contracts.CountAsync());
        Assert.Equal(0, await db.ContractStages.CountAsync(s => s.ContractId != world.ContractIn.Id && s.ContractId != world.ContractOut.Id));
        Assert.Null((await db.Contracts.SingleAsync(c => c.Id == world.ContractIn.Id)).JakonRegistrationNumber);
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative), request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative), request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("codes").Clone();
    }

    private static async Task<JsonElement> GateAsync(HttpClient client, string id, int stage)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/contracts/{id}/payment-gate?stage={stage}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task PutOkAsync(HttpClient client, string path, object request)
    {
        using var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
