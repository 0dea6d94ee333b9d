using Lindung.Data;
using Lindung.Features.Claims;
using Lindung.Features.Enforcement;
using Lindung.Features.Shared;
using Lindung.Features.Tickets;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Home;

/// <summary>A page's link offered as a next step, shown only to users whose role may open it.</summary>
internal sealed record NextStep(string TextKey, string HintKey, string Href, string Policy);

/// <summary>
/// The landing page: anonymous visitors read what Lindung is; a signed-in user gets the next steps
/// of their role, and an agency operator its agency's coverage with the two things to do about it.
/// </summary>
[AllowAnonymous]
internal sealed class IndexModel(LoadOperatorLanding landing, ListClaims claims, LindungDbContext db, TimeProvider clock) : PageModel
{
    /// <summary>Every next step in the order a role meets them; each user sees the ones their role allows.</summary>
    public static IReadOnlyList<NextStep> Steps { get; } =
    [
        new("home.step.dashboard", "home.step.dashboard.hint", "/dashboard", Policies.Dashboards),
        new("home.step.actions", "home.step.actions.hint", "/actions", Policies.Dashboards),
        new("home.step.branches", "home.step.branches.hint", "/dashboard/branches", Policies.Branches),
        new("home.step.imports", "home.step.imports.hint", "/imports", Policies.Registry),
        new("home.step.reconciliation", "home.step.reconciliation.hint", "/reconciliation", Policies.Reconciliation),
        new("home.step.review", "home.step.review.hint", "/reconciliation/review", Policies.ReconciliationDecide),
        new("home.step.enforcement", "home.step.enforcement.hint", "/enforcement", Policies.Enforcement),
        new("home.step.claims", "home.step.claims.hint", "/claims", Policies.Claims),
        new("home.step.tickets", "home.step.tickets.hint", "/tickets", Policies.Tickets),
        new("home.step.licensing", "home.step.licensing.hint", "/licensing", Policies.Licensing),
        new("home.step.field", "home.step.field.hint", "/field", Policies.FieldCapture),
        new("home.step.leads", "home.step.leads.hint", "/leads", Policies.Leads),
        new("home.step.groups", "home.step.groups.hint", "/groups", Policies.Groups),
        new("home.step.sponsors", "home.step.sponsors.hint", "/sponsors", Policies.Sponsors),
        new("home.step.villages", "home.step.villages.hint", "/villages", Policies.Villages),
        new("home.step.budget", "home.step.budget.hint", "/budget", Policies.Budget),
        new("home.step.audit", "home.step.audit.hint", "/audit", Policies.Audit),
        new("home.step.employers", "home.step.employers.hint", "/employers", Policies.Employers),
        new("home.step.users", "home.step.users.hint", "/admin/users", Policies.Administration),
    ];

    public OperatorLanding? Operator { get; private set; }

    public IReadOnlyList<NextStep> Allowed { get; private set; } = [];

    /// <summary>Open enforcement cases past their stage's deadline, for the roles that see cases (null for the others).</summary>
    public int? OverdueCases { get; private set; }

    /// <summary>Claims past their SLA, for the branch, the admin and the agency (the alert the claims issue asks for).</summary>
    public int? OverdueClaims { get; private set; }

    /// <summary>Agencies' tickets past the branch's answer time, for the branch officer who answers them (null for the others).</summary>
    public int? OverdueTickets { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        Operator = await landing.HandleAsync(AccessScope.From(User), ct);
        Allowed = [.. Steps.Where(s => Policies.Allows(User, s.Policy))];
        if (Policies.Allows(User, Policies.Enforcement))
        {
            var today = clock.Today();
            OverdueCases = await EnforcementAccess.Visible(db, AccessScope.From(User)).CountAsync(c => c.Outcome == null && c.DueOn < today, ct);
        }

        if (User.IsInRole(LindungRoles.BranchOfficer))
        {
            var today = clock.Today();
            OverdueTickets = await TicketsAccess.Visible(db, AccessScope.From(User)).CountAsync(TicketsAccess.OverdueOn(today), ct);
        }

        if (Policies.Allows(User, Policies.ClaimsEdit))
        {
            OverdueClaims = (await claims.HandleAsync(AccessScope.From(User), ct)).Summary.Overdue;
        }
    }
}
