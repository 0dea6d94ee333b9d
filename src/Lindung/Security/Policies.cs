using System.Security.Claims;
using Lindung.Data;
using Microsoft.AspNetCore.Authorization;

namespace Lindung.Security;

/// <summary>
/// Who may open which part of Lindung. Pages and endpoints name a policy; the data they read is
/// still narrowed by <see cref="ScopedQueries"/>.
/// </summary>
internal static class Policies
{
    /// <summary>Agencies, workers and their memberships.</summary>
    public const string Registry = "registry";

    /// <summary>Employers (firms, contractors, vendors).</summary>
    public const string Employers = "employers";

    /// <summary>Users, agencies and targets.</summary>
    public const string Administration = "administration";

    /// <summary>The audit trail.</summary>
    public const string Audit = "audit";

    /// <summary>Reconciliation runs, the review queue and gap lists, read-only (leaders included).</summary>
    public const string Reconciliation = "reconciliation";

    /// <summary>Starting reconciliation runs and deciding review pairs.</summary>
    public const string ReconciliationDecide = "reconciliation-decide";

    /// <summary>Coverage dashboards and reports (aggregates only); an agency operator sees their own agency's.</summary>
    public const string Dashboards = "dashboards";

    /// <summary>The licensing gate: checking a licence application and listing the checks asked.</summary>
    public const string Licensing = "licensing";

    /// <summary>Branch offices' figures (aggregates of the caller's regions): the roles that work with regions.</summary>
    public const string Branches = "branches";

    public const string Interop = "interop";

    /// <summary>Contracts and their payment gate: reading them, asking the gate (docs/PROCUREMENT.md).</summary>
    public const string Procurement = "procurement";

    /// <summary>Registering contracts and assigning the contractor's workers: the agency's commitment officer and the admin.</summary>
    public const string ProcurementEdit = "procurement-edit";

    /// <summary>Recording a construction contract's Jakon registration and payment: the branch and the admin.</summary>
    public const string JakonRecord = "jakon-record";

    /// <summary>The budget planner (APBD, or a sponsor's pledge): scenarios hold counts and rates, no personal data.</summary>
    public const string Budget = "budget";

    /// <summary>Fostered villages and their progress (counts only): the regional roles, a sponsor looking for workers to adopt, and the fostering agency.</summary>
    public const string Villages = "villages";

    /// <summary>Assigning agencies to villages and entering a village's population: the regional admin.</summary>
    public const string VillagesEdit = "villages-edit";

    /// <summary>Sponsors (bapak asuh): the regional roles see those of their regions, a Sponsor account its own; pledging is checked per sponsor.</summary>
    public const string Sponsors = "sponsors";

    /// <summary>Registering sponsors and keeping their ledger: the regional admin.</summary>
    public const string SponsorsEdit = "sponsors-edit";

    /// <summary>Informal workers' groups under agency programmes: the regional roles by region, an operator its agency's.</summary>
    public const string Groups = "groups";

    /// <summary>Creating groups and importing their members: the regional admin and the fostering agency's operator.</summary>
    public const string GroupsEdit = "groups-edit";

    /// <summary>House-to-house capture and moving leads on: the field officer (its villages) and the regional admin.</summary>
    public const string FieldCapture = "field-capture";

    /// <summary>The leads pipeline: the field officer, the regional roles and the leader.</summary>
    public const string Leads = "leads";

    /// <summary>Enforcement cases and their letters: the branch and the admin by region, the leader, a state attorney the cases referred to it.</summary>
    public const string Enforcement = "enforcement";

    /// <summary>Opening cases, moving them up the ladder, closing and reopening: the branch and the admin.</summary>
    public const string EnforcementEdit = "enforcement-edit";

    /// <summary>Recording a state attorney's actions and amounts recovered on a referred case.</summary>
    public const string EnforcementProsecute = "enforcement-prosecute";

    /// <summary>Benefit claims and their SLA clocks: the regional roles and the leader by region, an operator its staff's.</summary>
    public const string Claims = "claims";

    /// <summary>Recording and moving claims on: the branch, the admin and the agency for its staff.</summary>
    public const string ClaimsEdit = "claims-edit";

    /// <summary>Agency feedback to the branch: the branch and the admin by region, an operator its agency's tickets.</summary>
    public const string Tickets = "tickets";

    /// <summary>Writing in a ticket: the agency opens and closes, the branch answers.</summary>
    public const string TicketsWrite = "tickets-write";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Registry] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator],
        [Employers] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.LicensingOfficer],
        [Administration] = [LindungRoles.RegionalAdmin],
        [Licensing] = [LindungRoles.RegionalAdmin, LindungRoles.LicensingOfficer],
        [Audit] = [LindungRoles.Auditor, LindungRoles.RegionalAdmin],
        [Reconciliation] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator, LindungRoles.Leader],
        [ReconciliationDecide] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator],
        [Dashboards] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.Leader, LindungRoles.AgencyOperator],
        [Branches] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.Leader],
        [Interop] = [LindungRoles.InteropClient],
        [Procurement] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.ProcurementOfficer],
        [ProcurementEdit] = [LindungRoles.RegionalAdmin, LindungRoles.ProcurementOfficer],
        [JakonRecord] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer],
        [Villages] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator, LindungRoles.Leader, LindungRoles.Sponsor],
        [VillagesEdit] = [LindungRoles.RegionalAdmin],
        [Sponsors] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.Sponsor],
        [SponsorsEdit] = [LindungRoles.RegionalAdmin],
        [Groups] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator, LindungRoles.Leader],
        [GroupsEdit] = [LindungRoles.RegionalAdmin, LindungRoles.AgencyOperator],
        [FieldCapture] = [LindungRoles.FieldOfficer, LindungRoles.RegionalAdmin],
        [Leads] = [LindungRoles.FieldOfficer, LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.Leader],
        [Enforcement] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.Leader, LindungRoles.Prosecutor],
        [EnforcementEdit] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer],
        [EnforcementProsecute] = [LindungRoles.Prosecutor, LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer],
        [Claims] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator, LindungRoles.Leader],
        [ClaimsEdit] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator],
        [Tickets] = [LindungRoles.RegionalAdmin, LindungRoles.BranchOfficer, LindungRoles.AgencyOperator],
        [TicketsWrite] = [LindungRoles.BranchOfficer, LindungRoles.AgencyOperator],
        [Budget] = [LindungRoles.RegionalAdmin, LindungRoles.AgencyOperator, LindungRoles.BranchOfficer, LindungRoles.Leader, LindungRoles.Sponsor],
    };

    /// <summary>Whether the user holds a role the policy admits; the layout shows only the links a user may follow.</summary>
    public static bool Allows(ClaimsPrincipal user, string policy) => Roles[policy].Any(user.IsInRole);

    public static AuthorizationBuilder AddLindungPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in Roles)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        // Every page requires a signed-in user unless it says [AllowAnonymous]; a key of another
        // social-protection system reaches its search and nothing else, not even "any signed-in user".
        var signedInPerson = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireAssertion(context => !context.User.IsInRole(LindungRoles.InteropClient)).Build();
        return builder.SetDefaultPolicy(signedInPerson).SetFallbackPolicy(signedInPerson);
    }
}
