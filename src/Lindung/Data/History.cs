using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Data;

/// <summary>Point-in-time queries over versioned rows (<see cref="IHistorical"/>), translated to SQL, and the one way to change them.</summary>
internal static class History
{
    /// <summary>
    /// Records a change on <paramref name="day"/>: closes <paramref name="current"/> (its valid_to
    /// becomes <paramref name="day"/>) and adds <paramref name="next"/> in force from that day.
    /// Saved by the caller's next SaveChanges, which audits both rows.
    /// </summary>
    public static void Supersede<T>(this DbContext db, T current, T next, DateOnly day)
        where T : class, IHistorical
    {
        if (current.ValidTo is not null)
        {
            throw new InvalidOperationException($"This {typeof(T).Name} version was already closed on {current.ValidTo:yyyy-MM-dd}.");
        }

        if (day <= current.ValidFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"A change must come after the version's start ({current.ValidFrom:yyyy-MM-dd}).");
        }

        current.ValidTo = day;
        next.ValidFrom = day;
        next.ValidTo = null;
        db.Add(next);
    }

    /// <summary>The versions in force on <paramref name="day"/>: from ≤ day &lt; to.</summary>
    public static IQueryable<T> ValidOn<T>(this IQueryable<T> rows, DateOnly day)
        where T : class, IHistorical =>
        rows.Where(r => r.ValidFrom <= day && (r.ValidTo == null || r.ValidTo > day));

    /// <summary>The versions in force at any time in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static IQueryable<T> ValidDuring<T>(this IQueryable<T> rows, DateOnly from, DateOnly until)
        where T : class, IHistorical =>
        rows.Where(r => r.ValidFrom < until && (r.ValidTo == null || r.ValidTo > from));

    /// <summary>Memberships that covered the worker on <paramref name="day"/>: in force and ACTIVE.</summary>
    public static IQueryable<Membership> CoveredOn(this IQueryable<Membership> memberships, DateOnly day) =>
        memberships.ValidOn(day).Where(m => m.Status == MembershipStatus.Active);

    /// <summary>Memberships ACTIVE at any time in [<paramref name="from"/>, <paramref name="until"/>).</summary>
    public static IQueryable<Membership> CoveredIn(this IQueryable<Membership> memberships, DateOnly from, DateOnly until) =>
        memberships.ValidDuring(from, until).Where(m => m.Status == MembershipStatus.Active);

    /// <summary>Memberships ACTIVE at any time in the month, e.g. "who was covered in March 2026".</summary>
    public static IQueryable<Membership> CoveredIn(this IQueryable<Membership> memberships, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return memberships.CoveredIn(first, first.AddMonths(1));
    }
}
