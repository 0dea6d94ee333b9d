using System.Linq.Expressions;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Feedback;
using Lindung.Security;

namespace Lindung.Features.Tickets;

/// <summary>
/// The branch (and the regional admin) see every ticket of their regions — the branch's working area; an
/// agency operator its own agency's. Agencies open and close; the branch answers.
/// </summary>
internal static class TicketsAccess
{
    public static IQueryable<Ticket> Visible(LindungDbContext db, AccessScope scope) =>
        scope.SeesRegion ? db.Tickets.InRegions(scope)
        : scope.OperatesAgency ? db.Tickets.Where(t => t.AgencyId == scope.AgencyId)
        : db.Tickets.Where(_ => false);

    /// <summary><see cref="Lindung.Domain.Feedback.TicketRules.Overdue"/> as a database filter, for counting.</summary>
    public static Expression<Func<Ticket, bool>> OverdueOn(DateOnly today) =>
        t => t.FirstAnsweredOn == null && t.Status != TicketStatus.Closed && t.AnswerDueOn < today;

    /// <summary>Writing in a thread: the branch as the one who answers, the agency as the one who asked.</summary>
    public static bool Writes(AccessScope scope) => scope.IsIn(LindungRoles.BranchOfficer) || scope.OperatesAgency;

    public static bool IsBranch(AccessScope scope) => scope.IsIn(LindungRoles.BranchOfficer);
}
