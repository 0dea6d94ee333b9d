namespace Lindung.Domain.Contributions;

/// <summary>
/// The rate book seen from one contribution month. Required lookups refuse a month without data
/// (naming the parameter and month); every row read is recorded for the result's legal basis.
/// </summary>
public sealed class RatesInForce
{
    private readonly RateBook _book;
    private readonly List<LegalBasisEntry> _used = [];

    internal RatesInForce(RateBook book, ContributionMonth month)
    {
        _book = book;
        Month = month;
    }

    public ContributionMonth Month { get; }

    public IReadOnlyList<LegalBasisEntry> Used => _used;

    public decimal Percent(RateParameter parameter) => Require(parameter, RateUnit.Percent).Value!.Value;

    public long Amount(RateParameter parameter) => ToRupiah(Require(parameter, RateUnit.Rupiah).Value!.Value, parameter);

    public IReadOnlyList<RateTier> Tiers(RateParameter parameter) => Require(parameter, RateUnit.Percent).Tiers!;

    public IReadOnlyList<RatePackage> Packages(RateParameter parameter) => Require(parameter, RateUnit.Rupiah).Packages!;

    public IReadOnlyList<long> Values(RateParameter parameter) => Require(parameter, RateUnit.Rupiah).Values!;

    /// <summary>A whole number in force (a wage multiple, months, working days).</summary>
    public int Count(RateParameter parameter) => (int)Require(parameter, RateUnit.Count).Value!.Value;

    /// <summary>A percentage that may legitimately be absent (a discount or JKP share outside its period).</summary>
    public decimal? OptionalPercent(RateParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var entry = _book.Find(parameter, Month);
        return entry is null ? null : Record(parameter, entry).Value;
    }

    private RateEntry Require(RateParameter parameter, RateUnit unit)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.Unit != unit)
        {
            throw new InvalidOperationException($"{parameter.Id} is in {parameter.Unit}, not {unit}.");
        }

        var entry = _book.Find(parameter, Month)
            ?? throw new ContributionException(
                "rate_missing",
                $"No {parameter.English} in force for {Month} ({parameter.Id})",
                $"Tidak ada {parameter.Indonesian} yang berlaku untuk {Month} ({parameter.Id})");
        return Record(parameter, entry);
    }

    private RateEntry Record(RateParameter parameter, RateEntry entry)
    {
        if (!_used.Exists(u => u.Parameter == parameter.Id))
        {
            _used.Add(LegalBasisEntry.From(parameter, entry));
        }

        return entry;
    }

    private static long ToRupiah(decimal value, RateParameter parameter) =>
        decimal.IsInteger(value)
            ? (long)value
            : throw new InvalidOperationException($"{parameter.Id} must be a whole rupiah amount, found {value}.");
}
