namespace Lindung.Domain.Rosters;

/// <summary>An agency a roster may name in its instansi column: its key, code and name.</summary>
public sealed record AgencyName(Guid Id, string Code, string Name);

/// <summary>
/// Finds which of the agencies being imported (the chosen agency and its units) a row's instansi
/// cell names, by code or by name, folded so "Dinas Pendidikan", "DINAS PENDIDIKAN" and
/// "dinas-pendidikan" match. When a code of one agency is the name of another, the code wins.
/// </summary>
public sealed class AgencyMatcher
{
    private readonly Dictionary<string, Guid> _byFolded = new(StringComparer.Ordinal);

    public AgencyMatcher(IEnumerable<AgencyName> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var list = agencies.ToList();
        foreach (var agency in list)
        {
            _byFolded.TryAdd(HeaderMap.Fold(agency.Code), agency.Id);
        }

        foreach (var agency in list)
        {
            _byFolded.TryAdd(HeaderMap.Fold(agency.Name), agency.Id);
        }
    }

    public Guid? Match(string? instansi)
    {
        var folded = HeaderMap.Fold(instansi ?? string.Empty);
        return folded.Length > 0 && _byFolded.TryGetValue(folded, out var id) ? id : null;
    }
}
