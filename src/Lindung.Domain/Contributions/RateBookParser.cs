using System.Globalization;
using System.Text.Json;

namespace Lindung.Domain.Contributions;

/// <summary>
/// Turns the text of one rate file into validated <see cref="RateEntry"/> rows. Everything an admin
/// can get wrong is checked here, with the file and row named, so a bad overlay fails at start-up
/// rather than producing a wrong bill later.
/// </summary>
public static class RateBookParser
{
    public const int SupportedFormat = 1;

    public static RateSource Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        RateFileModel? file;
        try
        {
            file = JsonSerializer.Deserialize(json, RateFileJsonContext.Default.RateFileModel);
        }
        catch (JsonException ex)
        {
            throw new RateBookFormatException($"{sourceName}: not a valid rate file: {ex.Message}", ex);
        }

        if (file is null)
        {
            throw new RateBookFormatException($"{sourceName}: empty rate file.");
        }

        if (file.Format != SupportedFormat)
        {
            throw new RateBookFormatException(
                $"{sourceName}: format {file.Format.ToString(CultureInfo.InvariantCulture)} is not supported (expected {SupportedFormat.ToString(CultureInfo.InvariantCulture)}).");
        }

        var label = string.IsNullOrWhiteSpace(file.Version) ? sourceName : $"{sourceName} (version {file.Version})";
        var rows = file.Parameters ?? [];
        var entries = rows.Select((row, index) => ToEntry(row, $"{sourceName}, parameters[{index.ToString(CultureInfo.InvariantCulture)}]", label)).ToList();
        RejectOverlaps(entries, sourceName);
        return new RateSource(label, entries);
    }

    private static RateEntry ToEntry(RateRowModel row, string where, string source)
    {
        if (string.IsNullOrWhiteSpace(row.Id) || !RateParameters.All.TryGetValue(row.Id, out var parameter))
        {
            throw new RateBookFormatException($"{where}: unknown parameter id '{row.Id}'.");
        }

        where = $"{where} ({row.Id})";
        var validFrom = Month(row.ValidFrom, "valid_from", where)
            ?? throw new RateBookFormatException($"{where}: valid_from is required.");
        var validTo = Month(row.ValidTo, "valid_to", where);
        if (validTo is { } to && to < validFrom)
        {
            throw new RateBookFormatException($"{where}: valid_to {to} is before valid_from {validFrom}.");
        }

        var unit = parameter.Unit switch
        {
            RateUnit.Percent => "percent",
            RateUnit.Rupiah => "rupiah",
            _ => "count",
        };
        if (row.Unit != unit)
        {
            throw new RateBookFormatException($"{where}: unit must be \"{unit}\", found \"{row.Unit}\".");
        }

        if (string.IsNullOrWhiteSpace(row.LegalBasis))
        {
            throw new RateBookFormatException($"{where}: legal_basis is required.");
        }

        var status = row.Status switch
        {
            "CONFIRMED" => SourceStatus.Confirmed,
            "SINGLE" => SourceStatus.SingleSource,
            "UNCONFIRMED" => SourceStatus.Unconfirmed,
            _ => throw new RateBookFormatException($"{where}: status must be CONFIRMED, SINGLE or UNCONFIRMED, found \"{row.Status}\"."),
        };

        CheckShape(row, parameter, where);
        return new RateEntry(parameter.Id, validFrom, validTo, row.Value, row.Values,
            Tiers(row.Tiers, where), Packages(row.Packages, where), row.LegalBasis, status, row.Note, source);
    }

    private static void CheckShape(RateRowModel row, RateParameter parameter, string where)
    {
        var shape = parameter.Shape;
        var present = new List<RateShape>();
        if (row.Value is not null) present.Add(RateShape.Value);
        if (row.Values is not null) present.Add(RateShape.Values);
        if (row.Tiers is not null) present.Add(RateShape.Tiers);
        if (row.Packages is not null) present.Add(RateShape.Packages);
        if (present is not [var only] || only != shape)
        {
            throw new RateBookFormatException($"{where}: this parameter needs exactly one field \"{shape.ToString().ToLowerInvariant()}\".");
        }

        if (row.Value is < 0)
        {
            throw new RateBookFormatException($"{where}: value must not be negative.");
        }

        if (parameter.Unit is RateUnit.Rupiah or RateUnit.Count && row.Value is { } amount && !decimal.IsInteger(amount))
        {
            throw new RateBookFormatException($"{where}: a {(parameter.Unit == RateUnit.Rupiah ? "rupiah" : "count")} value must be a whole number.");
        }

        if (row.Values is { } values && (values.Count == 0 || values.Any(v => v <= 0) || values.Distinct().Count() != values.Count))
        {
            throw new RateBookFormatException($"{where}: values must be distinct positive amounts.");
        }
    }

    private static List<RateTier>? Tiers(IReadOnlyList<RateTierModel>? tiers, string where)
    {
        if (tiers is null)
        {
            return null;
        }

        var result = new List<RateTier>();
        long previous = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            var (upTo, rate) = (tiers[i].UpTo, tiers[i].Rate);
            var last = i == tiers.Count - 1;
            if (rate is not >= 0)
            {
                throw new RateBookFormatException($"{where}: tier {i + 1} needs a rate ≥ 0.");
            }

            if (last ? upTo is not null : upTo is not { } bound || bound <= previous)
            {
                throw new RateBookFormatException(
                    $"{where}: tiers need increasing up_to bounds and a last tier with \"up_to\": null (problem at tier {i + 1}).");
            }

            previous = upTo ?? previous;
            result.Add(new RateTier(upTo, rate.Value));
        }

        return result;
    }

    private static List<RatePackage>? Packages(IReadOnlyList<RatePackageModel>? packages, string where)
    {
        if (packages is null)
        {
            return null;
        }

        var result = packages.Select(p => p is { Months: > 0 and var m, Amount: > 0 and var a }
                ? new RatePackage(m, a)
                : throw new RateBookFormatException($"{where}: every package needs months > 0 and amount > 0."))
            .OrderBy(p => p.Months)
            .ToList();
        if (result.Count == 0 || result.Select(p => p.Months).Distinct().Count() != result.Count)
        {
            throw new RateBookFormatException($"{where}: packages must be a non-empty list with distinct months.");
        }

        return result;
    }

    private static ContributionMonth? Month(string? text, string field, string where)
    {
        if (text is null)
        {
            return null;
        }

        return ContributionMonth.TryParse(text, out var month)
            ? month
            : throw new RateBookFormatException($"{where}: {field} '{text}' is not a month in the form YYYY-MM.");
    }

    private static void RejectOverlaps(List<RateEntry> entries, string sourceName)
    {
        foreach (var group in entries.GroupBy(e => e.Id, StringComparer.Ordinal))
        {
            var rows = group.OrderBy(e => e.ValidFrom).ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                if (rows[i - 1].Overlaps(rows[i]))
                {
                    throw new RateBookFormatException(
                        $"{sourceName}: {group.Key} has overlapping rows {rows[i - 1].RangeText} and {rows[i].RangeText}; within one file the ranges of a parameter must not overlap.");
                }
            }
        }
    }
}
