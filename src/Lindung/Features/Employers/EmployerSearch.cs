using Lindung.Data.Entities;
using Lindung.Domain.Compliance;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Employers;

/// <summary>
/// The one employer search the page and the API share: text that reads as an NPP, NIB or NPWP
/// (separators allowed) finds that register's exact number; anything else is part of the name.
/// </summary>
internal static class EmployerSearch
{
    public static IQueryable<Employer> Matching(this IQueryable<Employer> employers, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return employers;
        }

        if (EmployerIdentifier.TryParse(text, out var identifier, out _))
        {
            return employers.WithIdentifier(identifier!);
        }

        var lower = text.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Runs in SQL as lower(name) on both providers, not in .NET.
        return employers.Where(e => e.Name.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
    }

    /// <summary>
    /// The one employer an identifier names. A NIB or NPWP may be entered for two records (a branch
    /// and its head office); the one registered with BPJS (with an NPP) is the one meant.
    /// </summary>
    public static Task<Employer?> FindByIdentifierAsync(this IQueryable<Employer> employers, EmployerIdentifier identifier, CancellationToken ct) =>
        employers.WithIdentifier(identifier).OrderBy(e => e.Npp == null).ThenBy(e => e.Name).ThenBy(e => e.Id).FirstOrDefaultAsync(ct);

    public static IQueryable<Employer> WithIdentifier(this IQueryable<Employer> employers, EmployerIdentifier identifier)
    {
        var value = identifier.Value;
        var npwpForms = identifier.NpwpForms();
        return identifier.Kind switch
        {
            EmployerIdentifierKind.Npp => employers.Where(e => e.Npp == value),
            EmployerIdentifierKind.Nib => employers.Where(e => e.Nib == value),
            _ => employers.Where(e => e.Npwp != null && npwpForms.Contains(e.Npwp)),
        };
    }
}
