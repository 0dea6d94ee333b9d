using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lindung.Tests.Features.Api;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Lindung.Data.LindungRoles;

namespace Lindung.Tests.Security;

/// <summary>
/// Every endpoint and page the app registers × every caller, on SQLite and PostgreSQL, against the
/// table below. A new endpoint without a row fails the test, and so does a row for an endpoint that
/// no longer exists: the table is the reviewed statement of who may do what.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>The columns of <see cref="Expected"/>, in order.</summary>
    private static readonly string[] Callers = [ApiWorld.Anonymous, RegionalAdmin, AgencyOperator, BranchOfficer, LicensingOfficer, Sponsor, Leader, Auditor, ProcurementOfficer, FieldOfficer, Prosecutor];

    // One row per "METHOD /route" (constraints stripped). Each cell is the status for the caller in
    // that column: 200 201 204 400 401 403 404 409, "in" = redirect to the sign-in page, "dn" = redirect to
    // access denied, "/" = redirect home. A route with a parameter has two strings: for an id inside
    // agency A / region 35.77 (which is in every scoped caller's scope), then for one in region 35.19
    // (outside all of them). API writes send an empty JSON object, so a permitted caller gets 400;
    // form posts carry no anti-forgery token, so they get 400 too.
    //                                                                     anon RA  AO  BO  LO  SP  LE  AU  PO  FO  PR
    private static readonly Dictionary<string, (string In, string? Out)> Expected = new(StringComparer.Ordinal)
    {
        ["GET /"] = ("200 200 200 200 200 200 200 200 200 200 200", null),
        ["GET /healthz"] = ("200 200 200 200 200 200 200 200 200 200 200", null),
        ["POST /language"] = ("400 400 400 400 400 400 400 400 400 400 400", null),
        ["GET /account/signin"] = ("200 200 200 200 200 200 200 200 200 200 200", null),
        ["GET /account/signout"] = ("in / / / / / / / / / /", null),
        ["GET /account/denied"] = ("403 403 403 403 403 403 403 403 403 403 403", null),
        ["GET /account/password"] = ("in 200 200 200 200 200 200 200 200 200 200", null),
        ["GET /error/{code}"] = ("404 404 404 404 404 404 404 404 404 404 404", "500 500 500 500 500 500 500 500 500 500 500"),
        ["GET /openapi/{documentName}.json"] = ("200 200 200 200 200 200 200 200 200 200 200", "404 404 404 404 404 404 404 404 404 404 404"),
        ["GET /api/v1/agencies"] = ("401 200 200 200 403 403 403 403 403 403 403", null),
        ["GET /api/v1/agencies/{id}"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/agencies"] = ("401 400 403 403 403 403 403 403 403 403 403", null),
        ["PUT /api/v1/agencies/{id}"] = ("401 400 403 403 403 403 403 403 403 403 403", "401 404 403 403 403 403 403 403 403 403 403"),
        ["GET /api/v1/workers"] = ("401 200 200 200 403 403 403 403 403 403 403", null),
        ["GET /api/v1/workers/{id}"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/workers"] = ("401 400 400 400 403 403 403 403 403 403 403", null),
        ["PUT /api/v1/workers/{id}"] = ("401 400 400 400 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/workers/{id}/employments"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/workers/{id}/memberships"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/employers"] = ("401 200 403 200 200 403 403 403 403 403 403", null),
        ["GET /api/v1/employers/{id}"] = ("401 200 403 200 200 403 403 403 403 403 403", "401 404 403 404 404 403 403 403 403 403 403"),
        // An employer outside the caller's regions is not registered there: the answer is a 200 TIDAK_TERDAFTAR.
        ["GET /api/v1/compliance/employers/{identifier}"] = ("401 200 403 200 200 403 403 403 403 403 403", "401 200 403 200 200 403 403 403 403 403 403"),
        // Checks need a licence type, an identifier and an application number: an empty body is a 400 for those who may ask.
        ["POST /api/v1/compliance/checks"] = ("401 400 403 403 400 403 403 403 403 403 403", null),
        // Only an InteropClient API key (never a person) may search; its own tests are in DciSearchTests.
        ["POST /api/v1/dci/registry/sync/search"] = ("401 403 403 403 403 403 403 403 403 403 403", null),
        ["GET /api/v1/compliance/checks"] = ("401 200 403 403 200 403 403 403 403 403 403", null),
        ["GET /api/v1/api-keys"] = ("401 200 403 403 403 403 403 403 403 403 403", null),
        ["POST /api/v1/api-keys"] = ("401 400 403 403 403 403 403 403 403 403 403", null),
        ["GET /agencies"] = ("in 200 200 200 dn dn dn dn dn dn dn", null),
        ["GET /agencies/{id}"] = ("in 200 200 200 dn dn dn dn dn dn dn", "in 404 404 404 dn dn dn dn dn dn dn"),
        ["GET /workers"] = ("in 200 200 200 dn dn dn dn dn dn dn", null),
        ["GET /workers/{id}"] = ("in 200 200 200 dn dn dn dn dn dn dn", "in 404 404 404 dn dn dn dn dn dn dn"),
        ["GET /employers"] = ("in 200 dn 200 200 dn dn dn dn dn dn", null),
        ["GET /employers/{id}"] = ("in 200 dn 200 200 dn dn dn dn dn dn", "in 404 dn 404 404 dn dn dn dn dn dn"),
        ["GET /admin/users"] = ("in 200 dn dn dn dn dn dn dn dn dn", null),
        ["GET /admin/targets"] = ("in 200 dn dn dn dn dn dn dn dn dn", null),
        ["GET /admin/coverage-settings"] = ("in 200 dn dn dn dn dn dn dn dn dn", null),
        ["GET /admin/licence-rules"] = ("in 200 dn dn dn dn dn dn dn dn dn", null),
        // Fostered villages: counts only, for the regional roles, sponsors and the fostering agency (an out-of-region village is a 404;
        // the fixture's sponsor has no region, so it sees an empty ranking and no village).
        ["GET /villages"] = ("in 200 200 200 dn 200 200 dn dn dn dn", null),
        ["GET /villages/{code}"] = ("in 200 200 200 dn 404 200 dn dn dn dn", "in 404 404 404 dn 404 404 dn dn dn dn"),
        ["GET /api/v1/villages"] = ("401 200 200 200 403 200 200 403 403 403 403", null),
        ["GET /api/v1/villages/{code}"] = ("401 200 200 200 403 404 200 403 403 403 403", "401 404 404 404 403 404 404 403 403 403 403"),
        // No population in an empty body: a 400 for the admin; another region's village is a 404.
        ["PUT /api/v1/villages/{code}/population"] = ("401 400 403 403 403 403 403 403 403 403 403", "401 404 403 403 403 403 403 403 403 403 403"),
        ["POST /api/v1/villages/population"] = ("401 400 403 403 403 403 403 403 403 403 403", null),
        // An empty body names no agency (400); the fixture's in-scope assignment has already ended (400).
        ["POST /api/v1/village-assignments"] = ("401 400 403 403 403 403 403 403 403 403 403", null),
        ["POST /api/v1/village-assignments/{id}/end"] = ("401 400 403 403 403 403 403 403 403 403 403", "401 404 403 403 403 403 403 403 403 403 403"),
        // Sponsors: the regional roles see those of their regions; the fixture's sponsor account is no sponsor's, so it sees none.
        ["GET /admin/enforcement-settings"] = ("in 200 dn dn dn dn dn dn dn dn dn", null),
        ["GET /claims"] = ("in 200 200 200 dn dn 200 dn dn dn dn", null),
        // Feedback: the agency and its branch; the regional admin reads. Writes (form or multipart) with no fields are a 400 for those who may write.
        ["GET /tickets"] = ("in 200 200 200 dn dn dn dn dn dn dn", null),
        ["GET /tickets/{id}"] = ("in 200 200 200 dn dn dn dn dn dn dn", "in 404 404 404 dn dn dn dn dn dn dn"),
        ["GET /api/v1/tickets"] = ("401 200 200 200 403 403 403 403 403 403 403", null),
        ["POST /api/v1/tickets"] = ("401 403 400 400 403 403 403 403 403 403 403", null),
        ["GET /api/v1/tickets/{id}"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/tickets/{id}/replies"] = ("401 403 400 400 403 403 403 403 403 403 403", "401 403 404 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/tickets/{id}/close"] = ("401 403 400 400 403 403 403 403 403 403 403", "401 403 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/tickets/{id}/attachments/{attachmentId}"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        // Claims: an empty body names the missing fields (400) for those who record; a claim outside the caller's scope is a 404.
        ["GET /api/v1/claims"] = ("401 200 200 200 403 403 200 403 403 403 403", null),
        ["POST /api/v1/claims"] = ("401 400 400 400 403 403 403 403 403 403 403", null),
        ["POST /api/v1/claims/{id}"] = ("401 400 404 400 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        // A claims extract without a multipart file is a 400 for those who record claims (an operator: its staff's rows only).
        ["POST /api/v1/claims/imports"] = ("401 400 400 400 403 403 403 403 403 403 403", null),
        ["GET /enforcement"] = ("in 200 dn 200 dn dn 200 dn dn dn 200", null),
        ["GET /enforcement/{id}"] = ("in 200 dn 200 dn dn 200 dn dn dn 200", "in 404 dn 404 dn dn 404 dn dn dn 404"),
        ["GET /sponsors"] = ("in 200 dn 200 dn 200 dn dn dn dn dn", null),
        ["GET /sponsors/{id}"] = ("in 200 dn 200 dn 404 dn dn dn dn dn", "in 404 dn 404 dn 404 dn dn dn dn dn"),
        // Enforcement: the branch and the admin manage, the leader reads, a state attorney reads the cases referred to it
        // (CaseIn, closed) and records actions; the closed case refuses every move with a named 400.
        ["GET /api/v1/enforcement/cases"] = ("401 200 403 200 403 403 200 403 403 403 200", null),
        ["POST /api/v1/enforcement/cases"] = ("401 400 403 400 403 403 403 403 403 403 403", null),
        ["POST /api/v1/enforcement/cases/bulk"] = ("401 400 403 400 403 403 403 403 403 403 403", null),
        ["GET /api/v1/enforcement/candidates"] = ("401 200 403 200 403 403 403 403 403 403 403", null),
        ["GET /api/v1/enforcement/cases/{id}"] = ("401 200 403 200 403 403 200 403 403 403 200", "401 404 403 404 403 403 404 403 403 403 404"),
        ["POST /api/v1/enforcement/cases/{id}/advance"] = ("401 400 403 400 403 403 403 403 403 403 403", "401 404 403 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/enforcement/cases/{id}/close"] = ("401 400 403 400 403 403 403 403 403 403 403", "401 404 403 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/enforcement/cases/{id}/reopen"] = ("401 400 403 400 403 403 403 403 403 403 403", "401 404 403 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/enforcement/cases/{id}/actions"] = ("401 400 403 400 403 403 403 403 403 403 400", "401 404 403 404 403 403 403 403 403 403 404"),
        ["GET /api/v1/enforcement/cases/{id}/letters/{letterId}"] = ("401 200 403 200 403 403 200 403 403 403 200", "401 404 403 404 403 403 404 403 403 403 404"),
        ["GET /api/v1/sponsors"] = ("401 200 403 200 403 200 403 403 403 403 403", null),
        ["POST /api/v1/sponsors"] = ("401 400 403 403 403 403 403 403 403 403 403", null),
        ["GET /api/v1/sponsors/{id}"] = ("401 200 403 200 403 404 403 403 403 403 403", "401 404 403 404 403 404 403 403 403 403 403"),
        // Pledging is the sponsor's own or its admin's: the branch reads the sponsor but may not pledge for it.
        ["POST /api/v1/sponsors/{id}/pledges"] = ("401 400 403 403 403 404 403 403 403 403 403", "401 404 403 404 403 404 403 403 403 403 403"),
        ["POST /api/v1/sponsors/{id}/ledger"] = ("401 400 403 403 403 403 403 403 403 403 403", "401 404 403 403 403 403 403 403 403 403 403"),
        ["POST /api/v1/sponsorships/{id}/handover"] = ("401 400 403 403 403 404 403 403 403 403 403", "401 404 403 404 403 404 403 403 403 403 403"),
        // Informal workers' groups: the regional roles by region, an operator its agency's; the admin and the operator create and import.
        ["GET /groups"] = ("in 200 200 200 dn dn 200 dn dn dn dn", null),
        ["GET /groups/{id}"] = ("in 200 200 200 dn dn 200 dn dn dn dn", "in 404 404 404 dn dn 404 dn dn dn dn"),
        ["GET /api/v1/group-kinds"] = ("401 200 200 200 403 403 200 403 403 403 403", null),
        ["GET /api/v1/groups"] = ("401 200 200 200 403 403 200 403 403 403 403", null),
        ["POST /api/v1/groups"] = ("401 400 400 403 403 403 403 403 403 403 403", null),
        ["GET /api/v1/groups/{id}"] = ("401 200 200 200 403 403 200 403 403 403 403", "401 404 404 404 403 403 404 403 403 403 403"),
        // The upload is read first: an empty JSON body is a 400 whatever the group.
        ["POST /api/v1/groups/{id}/members"] = ("401 400 400 403 403 403 403 403 403 403 403", "401 400 400 403 403 403 403 403 403 403 403"),
        // House-to-house capture: the field officer of the villages and the admin capture; the regional roles read the leads.
        ["GET /field"] = ("in 200 dn dn dn dn dn dn dn 200 dn", null),
        ["GET /leads"] = ("in 200 dn 200 dn dn 200 dn dn 200 dn", null),
        ["POST /api/v1/field/captures"] = ("401 400 403 403 403 403 403 403 403 400 403", null),
        ["GET /api/v1/leads"] = ("401 200 403 200 403 403 200 403 403 200 403", null),
        ["POST /api/v1/leads/{id}/stage"] = ("401 400 403 403 403 403 403 403 403 400 403", "401 404 403 403 403 403 403 403 403 404 403"),
        // What to do next: the dashboard roles.
        ["GET /actions"] = ("in 200 200 200 dn dn 200 dn dn dn dn", null),
        ["GET /api/v1/actions"] = ("401 200 200 200 403 403 200 403 403 403 403", null),
        ["GET /budget"] = ("in 200 200 200 dn 200 200 dn dn dn dn", null),
        ["GET /licensing"] = ("in 200 dn dn 200 dn dn dn dn dn dn", null),
        ["GET /dashboard"] = ("in 200 200 200 dn dn 200 dn dn dn dn", null),
        ["GET /dashboard/agencies/{id}"] = ("in 200 200 200 dn dn 200 dn dn dn dn", "in 404 404 404 dn dn 404 dn dn dn dn"),
        ["GET /dashboard/regions"] = ("in 200 dn 200 dn dn 200 dn dn dn dn", null),
        ["GET /dashboard/segments"] = ("in 200 dn 200 dn dn 200 dn dn dn dn", null),
        ["GET /api/v1/reports/coverage"] = ("401 200 200 200 403 403 200 403 403 403 403", null),
        ["GET /api/v1/branches"] = ("401 200 403 200 403 403 200 403 403 403 403", null),
        // In: a branch working partly in 35.77 (figures of 35.77 only); out: a branch working only in 35.20.
        ["GET /api/v1/branches/{code}/coverage"] = ("401 200 403 200 403 403 200 403 403 403 403", "401 404 403 404 403 403 404 403 403 403 403"),
        ["GET /dashboard/branches"] = ("in 200 dn 200 dn dn 200 dn dn dn dn", null),
        ["GET /admin/branches"] = ("in 200 dn dn dn dn dn dn dn dn dn", null),
        ["GET /admin/agencies/{id}"] = ("in 200 dn dn dn dn dn dn dn dn dn", "in 404 dn dn dn dn dn dn dn dn dn"),
        ["GET /imports"] = ("in 200 200 200 dn dn dn dn dn dn dn", null),
        ["GET /imports/{id}"] = ("in 200 200 200 dn dn dn dn dn dn dn", "in 404 404 404 dn dn dn dn dn dn dn"),
        ["GET /imports/{id}/mapping"] = ("in 200 200 200 dn dn dn dn dn dn dn", "in 404 404 404 dn dn dn dn dn dn dn"),
        ["GET /api/v1/imports"] = ("401 200 200 200 403 403 403 403 403 403 403", null),
        ["POST /api/v1/imports"] = ("401 400 400 400 403 403 403 403 403 403 403", null),
        ["GET /api/v1/imports/{id}"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/imports/{id}/report.csv"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/imports/{id}/report.xlsx"] = ("401 200 200 200 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        // The fixture job has finished, so a permitted caller's cancel is refused with 409.
        // The fixture job has committed but holds no batch: nothing to confirm (409), nothing to undo (404).
        ["POST /api/v1/imports/{id}/confirm"] = ("401 409 409 409 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["POST /api/v1/imports/{id}/undo"] = ("401 404 404 404 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["DELETE /api/v1/imports/{id}"] = ("401 409 409 409 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/reconciliation/runs"] = ("401 200 200 200 403 403 200 403 403 403 403", null),
        ["POST /api/v1/reconciliation/runs"] = ("401 400 202 400 403 403 403 403 403 403 403", null),
        ["GET /api/v1/reconciliation/runs/{id}"] = ("401 200 200 200 403 403 200 403 403 403 403", "401 404 404 404 403 403 404 403 403 403 403"),
        ["DELETE /api/v1/reconciliation/runs/{id}"] = ("401 409 409 409 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/reconciliation/reviews"] = ("401 200 200 200 403 403 200 403 403 403 403", null),
        ["POST /api/v1/reconciliation/reviews/{id}/decision"] = ("401 400 400 400 403 403 403 403 403 403 403", "401 404 404 404 403 403 403 403 403 403 403"),
        ["GET /api/v1/reconciliation/gaps/{id}"] = ("401 200 200 200 403 403 200 403 403 403 403", "401 404 404 404 403 403 404 403 403 403 403"),
        ["GET /reconciliation"] = ("in 200 200 200 dn dn 200 dn dn dn dn", null),
        ["GET /reconciliation/review"] = ("in 200 200 200 dn dn 200 dn dn dn dn", null),
        ["GET /reconciliation/gaps/{id}"] = ("in 200 200 200 dn dn 200 dn dn dn dn", "in 404 404 404 dn dn 404 dn dn dn dn"),
        // The auditor of the fixture has no region, so it reads an empty trail (200), as does any scope without one.
        ["GET /audit"] = ("in 200 dn dn dn dn dn 200 dn dn dn", null),
        ["GET /api/v1/audit-events"] = ("401 200 403 403 403 403 403 200 403 403 403", null),
        ["GET /api/v1/audit-events/export"] = ("401 200 403 403 403 403 403 200 403 403 403", null),
        ["GET /api/v1/contracts"] = ("401 200 403 200 403 403 403 403 200 403 403", null),
        // A contract needs its number, contractor, kind, value, period, location and stages: an empty body is a 400 for those who may register.
        ["POST /api/v1/contracts"] = ("401 400 403 403 403 403 403 403 400 403 403", null),
        // An import without a multipart file is a 400 for those who may import (admin, commitment officer).
        ["POST /api/v1/contracts/import"] = ("401 400 403 403 403 403 403 403 400 403 403", null),
        // In: a construction contract of agency A (the commitment officer's own); out: one of agency C in 35.19.
        ["GET /api/v1/contracts/{id}"] = ("401 200 403 200 403 403 403 403 200 403 403", "401 404 403 404 403 403 403 403 404 403 403"),
        // Without stage=N the gate names the missing stage.
        ["GET /api/v1/contracts/{id}/payment-gate"] = ("401 400 403 400 403 403 403 403 400 403 403", "401 404 403 404 403 403 403 403 404 403 403"),
        ["PUT /api/v1/contracts/{id}/jakon"] = ("401 400 403 400 403 403 403 403 403 403 403", "401 404 403 404 403 403 403 403 403 403 403"),
        // The fixture contract is construction: workers are refused by name (400).
        ["PUT /api/v1/contracts/{id}/workers"] = ("401 400 403 403 403 403 403 403 400 403 403", "401 404 403 403 403 403 403 403 404 403 403"),
        ["GET /contracts"] = ("in 200 dn 200 dn dn dn dn 200 dn dn", null),
        ["GET /contracts/new"] = ("in 200 dn dn dn dn dn dn 200 dn dn", null),
        ["GET /contracts/{id}"] = ("in 200 dn 200 dn dn dn dn 200 dn dn", "in 404 dn 404 dn dn dn dn 404 dn dn"),
        // Certificates follow the employer registry: whoever may see an employer may certify it or revoke its certificate.
        ["POST /api/v1/compliance/certificates"] = ("401 400 403 400 400 403 403 403 403 403 403", null),
        ["GET /api/v1/compliance/certificates/{id}"] = ("401 200 403 200 200 403 403 403 403 403 403", "401 404 403 404 404 403 403 403 403 403 403"),
        ["POST /api/v1/compliance/certificates/{id}/revoke"] = ("401 400 403 400 400 403 403 403 403 403 403", "401 404 403 404 404 403 403 403 403 403 403"),
        // The QR code's page and the signing keys are public: anyone holding a certificate may check it.
        ["GET /verifikasi/{token?}"] = ("200 200 200 200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200 200 200 200"),
        ["GET /.well-known/jwks.json"] = ("200 200 200 200 200 200 200 200 200 200 200", null),
        // A budget scenario holds counts and rates, no personal data: an empty one is a 400 for every role that plans.
        ["POST /api/v1/budget/plan"] = ("401 400 400 400 403 400 400 403 403 403 403", null),
        ["POST /api/v1/api-keys/{id}/revoke"] = ("401 204 403 403 403 403 403 403 403 403 403", "401 404 403 403 403 403 403 403 403 403 403"),
    };

    [Theory]
    [MemberData(nameof(ApiWorld.Providers), MemberType = typeof(ApiWorld))]
    public async Task Every_endpoint_answers_every_caller_as_the_table_says(string provider)
    {
        await using var world = await ApiWorld.StartAsync(provider);
        var endpoints = RegisteredEndpoints(world);

        var registered = endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var missing = registered.Where(k => !Expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var stale = Expected.Keys.Where(k => !registered.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Endpoints without a row in the authorization table: {string.Join(", ", missing)}");
        Assert.True(stale.Count == 0, $"Rows for endpoints that are not registered: {string.Join(", ", stale)}");

        var failures = new StringBuilder();
        var actualTable = new StringBuilder();
        var checkedCells = 0;
        var clients = new Dictionary<string, HttpClient>();
        try
        {
            foreach (var caller in Callers)
            {
                clients[caller] = await world.ClientAsync(caller);
            }

            foreach (var (key, method, route, form) in endpoints.DistinctBy(e => e.Key))
            {
                var (expectedIn, expectedOut) = Expected[key];
                var variants = route.Contains('{', StringComparison.Ordinal)
                    ? new[] { (Scope: "in", Expected: expectedIn), (Scope: "out", Expected: expectedOut ?? throw new InvalidOperationException($"{key} needs an out-of-scope row")) }
                    : [(Scope: "in", Expected: expectedIn)];
                var actualRow = new List<string>();
                foreach (var (scope, expected) in variants)
                {
                    var cells = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    Assert.True(cells.Length == Callers.Length, $"{key}: {cells.Length} cells, {Callers.Length} callers");
                    var path = Fill(world, route, scope == "in");
                    var actualCells = new List<string>();
                    for (var i = 0; i < Callers.Length; i++)
                    {
                        var actual = await StatusAsync(clients[Callers[i]], method, path, form);
                        actualCells.Add(actual);
                        checkedCells++;
                        if (actual != cells[i])
                        {
                            failures.AppendLine(CultureInfo.InvariantCulture, $"{key} [{scope}] as {Callers[i]}: expected {cells[i]}, got {actual} ({method} {path})");
                        }
                    }

                    actualRow.Add(string.Join(' ', actualCells.Select(c => c.PadRight(3))));
                }

                actualTable.AppendLine(CultureInfo.InvariantCulture, $"[\"{key}\"] = (\"{string.Join("\", \"", actualRow)}\")");
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        Assert.True(failures.Length == 0, $"{provider}: {failures}\nActual table:\n{actualTable}");
        Assert.True(checkedCells >= Expected.Count * Callers.Length, $"only {checkedCells} cells checked");
    }

    /// <summary>Route endpoints as "METHOD /route" (parameter constraints stripped); pages and endpoints without methods are GETs.</summary>
    private static List<(string Key, string Method, string Route, bool Form)> RegisteredEndpoints(ApiWorld world)
    {
        var source = world.App.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var route = "/" + Constraint().Replace(endpoint.RoutePattern.RawText?.Trim('/') ?? string.Empty, "{$1}");
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                var form = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("application/x-www-form-urlencoded") == true;
                return methods.Select(method => (Key: $"{method} {route}", Method: method, Route: route, Form: form));
            })
            .ToList();
    }

    /// <summary>Replaces each parameter with a fixture id chosen by the path segment before it.</summary>
    private static string Fill(ApiWorld world, string route, bool inScope) => Parameter().Replace(route, match =>
    {
        var segment = match.Groups["segment"].Value;
        string id = segment switch
        {
            "employers" when route.Contains("/compliance/", StringComparison.Ordinal) => inScope ? world.EmployerIn.Npp! : world.EmployerOut.Npp!,
            "agencies" => (inScope ? world.AgencyA.Id : world.AgencyC.Id).ToString(),
            "workers" => (inScope ? world.WorkerA.Id : world.WorkerC.Id).ToString(),
            "employers" => (inScope ? world.EmployerIn.Id : world.EmployerOut.Id).ToString(),
            "api-keys" => (inScope ? world.KeyIn.Id : world.KeyOut.Id).ToString(),
            "runs" => (inScope ? world.RunIn : world.RunOut).ToString(),
            "reviews" => (inScope ? world.ResultIn : world.ResultOut).ToString(),
            "gaps" => (inScope ? world.AgencyA.Id : world.AgencyC.Id).ToString(),
            "imports" => (inScope ? world.JobIn.Id : world.JobOut.Id).ToString(),
            "branches" => inScope ? world.BranchIn.Code : world.BranchOut.Code,
            "certificates" => (inScope ? world.CertificateIn.Id : world.CertificateOut.Id).ToString(),
            "verifikasi" => inScope ? "bukan.token.sah" : "x",
            "contracts" => (inScope ? world.ContractIn.Id : world.ContractOut.Id).ToString(),
            "villages" => inScope ? ApiWorld.VillageIn : ApiWorld.VillageOut,
            "village-assignments" => (inScope ? world.AssignmentIn.Id : world.AssignmentOut.Id).ToString(),
            "leads" => (inScope ? world.LeadIn.Id : world.LeadOut.Id).ToString(),
            "groups" => (inScope ? world.GroupIn.Id : world.GroupOut.Id).ToString(),
            "sponsors" => (inScope ? world.SponsorIn.Id : world.SponsorOut.Id).ToString(),
            "enforcement" => (inScope ? world.CaseIn.Id : world.CaseOut.Id).ToString(),
            "claims" => (inScope ? world.ClaimIn.Id : world.ClaimOut.Id).ToString(),
            "cases" => (inScope ? world.CaseIn.Id : world.CaseOut.Id).ToString(),
            "letters" => (inScope ? world.LetterIn.Id : world.LetterOut.Id).ToString(),
            "tickets" => (inScope ? world.TicketIn.Id : world.TicketOut.Id).ToString(),
            "attachments" => (inScope ? world.AttachmentIn.Id : world.AttachmentOut.Id).ToString(),
            "sponsorships" => (inScope ? world.SponsorshipIn.Id : world.SponsorshipOut.Id).ToString(),
            "openapi" => inScope ? "v1" : "v2",
            "error" => inScope ? "404" : "500",
            _ => throw new InvalidOperationException($"No fixture id for a parameter after '{segment}' in {route}: add one to Fill."),
        };
        return $"{segment}/{id}";
    });

    /// <summary>Writes send an empty JSON object, or an empty form to endpoints that read forms (without an anti-forgery token).</summary>
    private static async Task<string> StatusAsync(HttpClient client, string method, string path, bool form)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is not ("GET" or "HEAD"))
        {
            request.Content = form
                ? new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en-US" })
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found)
        {
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            return location.StartsWith("/account/signin", StringComparison.OrdinalIgnoreCase) || location.Contains("/account/signin", StringComparison.OrdinalIgnoreCase) ? "in"
                : location.Contains("/account/denied", StringComparison.OrdinalIgnoreCase) ? "dn"
                : location == "/" ? "/"
                : $"302→{location}";
        }

        return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"(?<segment>[\w-]+)/\{\w+\??\}")]
    private static partial Regex Parameter();
}
