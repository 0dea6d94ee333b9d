using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lindung.Domain.Licensing;

/// <summary>A rules file that cannot be used; the message names the file and the rule.</summary>
public sealed class LicenceRuleFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads a licence rules file (the shipped example set, or a region's file in the data folder; see
/// docs/LICENSING.md). Everything an admin can get wrong is refused with the file and rule named.
/// </summary>
public static class LicenceRuleParser
{
    public const int SupportedFormat = 1;

    public static IReadOnlyList<LicenceRule> Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        LicenceRuleFileModel? file;
        try
        {
            file = JsonSerializer.Deserialize(json, LicenceRuleJsonContext.Default.LicenceRuleFileModel);
        }
        catch (JsonException ex)
        {
            throw new LicenceRuleFormatException($"{sourceName}: not a valid licence rules file: {ex.Message}", ex);
        }

        if (file is null || file.Format != SupportedFormat)
        {
            throw new LicenceRuleFormatException($"{sourceName}: format must be {SupportedFormat.ToString(CultureInfo.InvariantCulture)}.");
        }

        var rules = (file.Rules ?? []).Select((row, i) => ToRule(row, $"{sourceName}, rules[{i.ToString(CultureInfo.InvariantCulture)}]")).ToList();
        var twice = rules.GroupBy(r => (r.LicenceType, r.RegionCode, r.EffectiveFrom)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new LicenceRuleFormatException($"{sourceName}: {twice.Key.LicenceType} for {twice.Key.RegionCode} from {twice.Key.EffectiveFrom:yyyy-MM-dd} is given twice.");
        }

        return rules;
    }

    /// <summary>A licence type code: 2–32 characters, upper-case letters, digits and underscores.</summary>
    public static bool IsLicenceType(string? code) =>
        code is { Length: >= 2 and <= 32 } && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>A regency/city <c>PP.KK</c>, or a whole province <c>PP.00</c>.</summary>
    public static bool IsRuleRegion(string? code) =>
        code is { Length: 5 } && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && code[2] == '.' && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]);

    private static LicenceRule ToRule(LicenceRuleRowModel row, string where)
    {
        if (!IsLicenceType(row.LicenceType))
        {
            throw new LicenceRuleFormatException($"{where}: licence_type must be 2-32 upper-case letters, digits or underscores, found '{row.LicenceType}'.");
        }

        where = $"{where} ({row.LicenceType})";
        if (!IsRuleRegion(row.RegionCode))
        {
            throw new LicenceRuleFormatException($"{where}: region_code must be a regency PP.KK or a province PP.00, found '{row.RegionCode}'.");
        }

        if (!DateOnly.TryParseExact(row.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            throw new LicenceRuleFormatException($"{where}: effective_from must be a date YYYY-MM-DD, found '{row.EffectiveFrom}'.");
        }

        if (string.IsNullOrWhiteSpace(row.NameId) || string.IsNullOrWhiteSpace(row.NameEn))
        {
            throw new LicenceRuleFormatException($"{where}: name_id and name_en are required.");
        }

        if (string.IsNullOrWhiteSpace(row.LegalBasis))
        {
            throw new LicenceRuleFormatException($"{where}: legal_basis is required.");
        }

        var status = row.LegalBasisStatus switch
        {
            null or "CONFIRMED" => LegalBasisStatus.Confirmed,
            "EXAMPLE" => LegalBasisStatus.Example,
            _ => throw new LicenceRuleFormatException($"{where}: legal_basis_status must be CONFIRMED or EXAMPLE, found '{row.LegalBasisStatus}'."),
        };

        var outcomes = new Dictionary<string, LicensingOutcome>(LicenceRule.DefaultOutcomes, StringComparer.Ordinal);
        foreach (var (code, value) in row.Outcomes ?? new Dictionary<string, string>())
        {
            if (!LicenceRule.FindingCodes.Contains(code))
            {
                throw new LicenceRuleFormatException($"{where}: outcomes names an unknown finding '{code}' (known: {string.Join(", ", LicenceRule.FindingCodes)}).");
            }

            if (!LicensingOutcomes.TryParse(value, out var outcome))
            {
                throw new LicenceRuleFormatException($"{where}: outcome for {code} must be IZINKAN, TINJAU or TOLAK, found '{value}'.");
            }

            outcomes[code] = outcome;
        }

        return new LicenceRule
        {
            LicenceType = row.LicenceType!,
            NameId = row.NameId!.Trim(),
            NameEn = row.NameEn!.Trim(),
            RegionCode = row.RegionCode!,
            EffectiveFrom = from,
            RequiresProof = row.RequiresProof ?? true,
            WithheldUnderTmp2t = row.WithheldUnderTmp2t ?? false,
            ExemptMicro = row.ExemptMicro ?? false,
            AcceptBpuForSoleTrader = row.AcceptBpuForSoleTrader ?? false,
            Outcomes = outcomes,
            LegalBasis = row.LegalBasis!.Trim(),
            LegalBasisStatus = status,
        };
    }
}

internal sealed record LicenceRuleFileModel(int Format, string? Version, string? Description, IReadOnlyList<LicenceRuleRowModel>? Rules);

internal sealed record LicenceRuleRowModel(
    string? LicenceType,
    string? NameId,
    string? NameEn,
    string? RegionCode,
    string? EffectiveFrom,
    bool? RequiresProof,
    bool? WithheldUnderTmp2t,
    bool? ExemptMicro,
    bool? AcceptBpuForSoleTrader,
    IReadOnlyDictionary<string, string>? Outcomes,
    string? LegalBasis,
    string? LegalBasisStatus,
    string? Note);

// Source-generated like the rate file; unknown keys are errors so a misspelt flag is not silently ignored.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(LicenceRuleFileModel))]
internal sealed partial class LicenceRuleJsonContext : JsonSerializerContext;
