using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;

namespace Lindung.Features.Workers;

/// <summary>
/// A query that reads as a NIK (16 digits once spreadsheet damage is repaired: spaces, dots,
/// a leading apostrophe) matches that NIK exactly; anything else matches names, ignoring case, and a
/// foreign worker's passport/KITAS number.
/// </summary>
internal static class WorkerSearch
{
    public static IQueryable<Worker> Apply(IQueryable<Worker> workers, string query, DateOnly today)
    {
        var check = new NikValidator(AreaDirectory.Embedded).Check(query, today);
        if (check.Normalized is { Length: 16 } nik)
        {
            return workers.Where(w => w.Nik == nik);
        }

        var name = query.Trim().ToLowerInvariant();
        // A foreign worker is found by passport/KITAS number as well, however it is spaced or cased.
        var document = ForeignIdentity.NormalizeDocument(query);
#pragma warning disable CA1304, CA1311, CA1862 // Runs in SQL as lower(name) on both providers, not in .NET.
        return document is null
            ? workers.Where(w => w.Name.ToLower().Contains(name))
            : workers.Where(w => w.TravelDocument == document || w.Name.ToLower().Contains(name));
#pragma warning restore CA1304, CA1311, CA1862
    }
}
