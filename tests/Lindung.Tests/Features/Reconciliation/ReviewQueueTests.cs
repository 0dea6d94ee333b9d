using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Reconciliation;
using Lindung.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Tests.Features.Reconciliation;

/// <summary>The review queue over HTTP on SQLite and PostgreSQL: decisions stored, audited, linked and remembered; scope enforced.</summary>
public sealed class ReviewQueueTests
{
    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task Accepting_a_pair_links_the_card_audited_and_the_next_run_keeps_it_covered(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var officer = await TestUsers.SignedInClientAsync(world.App, LindungRoles.BranchOfficer, null, ReconcileWorld.Region);
        await StartRunAsync(officer, new { region_code = ReconcileWorld.Region });

        var queue = await GetJsonAsync(officer, "/api/v1/reconciliation/reviews");
        Assert.Equal(2, queue.GetProperty("total").GetInt32());
        var eko = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("roster").GetProperty("name").GetString() == "Eko Prasetyo");
        var candidates = eko.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(2, candidates.Count);
        Assert.All(candidates, c => Assert.Equal("EXACT", c.GetProperty("birth_date").GetString()));
        Assert.Equal(world.EkoTwin2.Nik, candidates.Single(c => c.GetProperty("kpj").GetString() == ReconcileWorld.EkoKpj2).GetProperty("member").GetProperty("nik").GetString());
        var score = candidates.Single(c => c.GetProperty("kpj").GetString() == ReconcileWorld.EkoKpj2).GetProperty("score").GetDouble();

        using var accepted = await officer.PostAsJsonAsync(
            new Uri($"/api/v1/reconciliation/reviews/{eko.GetProperty("id").GetGuid()}/decision", UriKind.Relative),
            new { kpj = ReconcileWorld.EkoKpj2, decision = "ACCEPT" });
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);

        var (scope, db) = world.Database();
        await using var _ = scope;
        var decision = await db.MatchDecisions.AsNoTracking().SingleAsync();
        Assert.Equal((world.Eko.Nik, ReconcileWorld.EkoKpj2, true, MatchMethod.NameDob), (decision.RosterNik, decision.Kpj, decision.Accepted, decision.Method));
        Assert.StartsWith("branchofficer-", decision.DecidedBy, StringComparison.Ordinal);
        Assert.Equal(world.Eko.Id, (await db.Memberships.AsNoTracking().SingleAsync(m => m.Kpj == ReconcileWorld.EkoKpj2)).WorkerId);
        var audits = await db.AuditEvents.AsNoTracking().Where(a => a.Actor == decision.DecidedBy).Select(a => a.EntityType).ToListAsync();
        Assert.Contains(nameof(MatchDecision), audits);
        Assert.Contains(nameof(Membership), audits);

        // The row left the queue; the next run keeps the pair with the accepted method and score.
        Assert.Equal(1, (await GetJsonAsync(officer, "/api/v1/reconciliation/reviews")).GetProperty("total").GetInt32());
        var next = await StartRunAsync(officer, new { agency_id = world.AgencyA.Id });
        var ekoNext = await db.ReconciliationResults.AsNoTracking().SingleAsync(r => r.RunId == next && r.WorkerId == world.Eko.Id);
        Assert.Equal((ReconcileOutcome.CoveredActive, MatchMethod.NameDob, ReconcileWorld.EkoKpj2), (ekoNext.Outcome, ekoNext.Method, ekoNext.Kpj));
        Assert.Equal(score, ekoNext.Score, 3);
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_rejected_pair_is_never_proposed_again(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var rina = (await GetJsonAsync(admin, $"/api/v1/reconciliation/reviews?agencyId={world.AgencyB.Id}")).GetProperty("items").EnumerateArray().Single();

        using var rejected = await admin.PostAsJsonAsync(
            new Uri($"/api/v1/reconciliation/reviews/{rina.GetProperty("id").GetGuid()}/decision", UriKind.Relative),
            new { kpj = ReconcileWorld.RinaKpj1, decision = "REJECT" });
        Assert.Equal(HttpStatusCode.NoContent, rejected.StatusCode);
        var left = (await GetJsonAsync(admin, "/api/v1/reconciliation/reviews")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("agency_id").GetGuid() == world.AgencyB.Id);
        Assert.Equal([ReconcileWorld.RinaKpj2], left.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("kpj").GetString()));

        var next = await StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var (scope, db) = world.Database();
        await using var _ = scope;
        var rinaNext = await db.ReconciliationResults.AsNoTracking().SingleAsync(r => r.RunId == next && r.WorkerId == world.Rina.Id);
        // With her twin out of the running the remaining card is clear: matched, and never the rejected one.
        Assert.NotEqual(ReconcileWorld.RinaKpj1, rinaNext.Kpj);
        Assert.DoesNotContain(ReconcileWorld.RinaKpj1, rinaNext.Candidates ?? string.Empty, StringComparison.Ordinal);
        var decision = await db.MatchDecisions.AsNoTracking().SingleAsync();
        Assert.False(decision.Accepted);
        Assert.Single(await db.AuditEvents.AsNoTracking().Where(a => a.EntityType == nameof(MatchDecision)).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task An_operator_of_agency_A_cannot_see_or_decide_agency_B_rows(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var all = (await GetJsonAsync(admin, "/api/v1/reconciliation/reviews")).GetProperty("items").EnumerateArray().ToList();
        var rinaId = all.Single(i => i.GetProperty("agency_id").GetGuid() == world.AgencyB.Id).GetProperty("id").GetGuid();
        using var operatorA = await TestUsers.SignedInClientAsync(world.App, LindungRoles.AgencyOperator, world.AgencyA.Code);

        var own = (await GetJsonAsync(operatorA, "/api/v1/reconciliation/reviews")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Eko Prasetyo"], own.Select(i => i.GetProperty("roster").GetProperty("name").GetString()));
        using var decide = await operatorA.PostAsJsonAsync(
            new Uri($"/api/v1/reconciliation/reviews/{rinaId}/decision", UriKind.Relative), new { kpj = ReconcileWorld.RinaKpj1, decision = "ACCEPT" });
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await Pages.StatusAsync(operatorA, $"/reconciliation/gaps/{world.AgencyB.Id}"));
        var page = await Pages.HtmlAsync(operatorA, "/reconciliation/review");
        Assert.Contains("Eko Prasetyo", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rina Wati", page, StringComparison.Ordinal);

        // A leader reads the queue as evidence only (docs/PRIVACY.md), with no buttons, and cannot decide.
        using var leader = await TestUsers.SignedInClientAsync(world.App, LindungRoles.Leader, null, ReconcileWorld.Region);
        var leaderPage = await Pages.HtmlAsync(leader, "/reconciliation/review");
        Assert.Contains("RSUD Kota Madiun", leaderPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Rina Wati", leaderPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Lindung.Domain.Identifiers.Nik.Mask(world.RinaTwin1.Nik), leaderPage, StringComparison.Ordinal);
        Assert.DoesNotContain(world.RinaTwin1.Nik, leaderPage, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"ACCEPT\"", leaderPage, StringComparison.Ordinal);
        using var leaderDecide = await leader.PostAsJsonAsync(
            new Uri($"/api/v1/reconciliation/reviews/{rinaId}/decision", UriKind.Relative), new { kpj = ReconcileWorld.RinaKpj1, decision = "ACCEPT" });
        Assert.Equal(HttpStatusCode.Forbidden, leaderDecide.StatusCode);

        var (scope, db) = world.Database();
        await using var _ = scope;
        Assert.Empty(await db.MatchDecisions.AsNoTracking().ToListAsync());
    }

    [Theory]
    [MemberData(nameof(ReconcileWorld.Providers), MemberType = typeof(ReconcileWorld))]
    public async Task A_bad_decision_names_the_field_in_both_languages(string provider)
    {
        await using var world = await ReconcileWorld.StartAsync(provider);
        using var admin = await TestUsers.SignedInClientAsync(world.App, LindungRoles.RegionalAdmin);
        await StartRunAsync(admin, new { region_code = ReconcileWorld.Region });
        var id = (await GetJsonAsync(admin, "/api/v1/reconciliation/reviews")).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var wrongKpj = await admin.PostAsJsonAsync(new Uri($"/api/v1/reconciliation/reviews/{id}/decision?lang=en", UriKind.Relative), new { kpj = "99999999999", decision = "ACCEPT" });
        using var wrongWord = await admin.PostAsJsonAsync(new Uri($"/api/v1/reconciliation/reviews/{id}/decision", UriKind.Relative), new { kpj = "99999999999", decision = "MAYBE" });

        Assert.Equal(HttpStatusCode.BadRequest, wrongKpj.StatusCode);
        Assert.Contains("This KPJ is not a candidate for this row.", await wrongKpj.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongWord.StatusCode);
        Assert.Contains("Keputusan harus ACCEPT atau REJECT.", await wrongWord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Queues a run over the API and polls its Location until it has finished; it must have succeeded.</summary>
    internal static async Task<Guid> StartRunAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/reconciliation/runs", UriKind.Relative), request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {body}");
        var run = await PollRunAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal("SUCCEEDED", run.GetProperty("status").GetString());
        return run.GetProperty("id").GetGuid();
    }

    internal static async Task<JsonElement> PollRunAsync(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await GetJsonAsync(client, location);
            if (run.GetProperty("finished").GetBoolean())
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run still {run.GetProperty("status").GetString()} at {location}");
            await Task.Delay(50);
        }
    }

    internal static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
