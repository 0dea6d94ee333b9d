using System.Globalization;
using System.Text.Json;
using Lindung.Application;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Branches;

/// <summary>One branch in a branches file.</summary>
internal sealed record BranchFileEntry(string? Code, string? Name, string? Seat, List<BranchFileArea>? WorkingArea);

/// <summary>One working-area assignment in a branches file; <see cref="ValidTo"/> is exclusive.</summary>
internal sealed record BranchFileArea(string? Regency, DateOnly? ValidFrom, DateOnly? ValidTo);

internal sealed record BranchFileContent(string? Note, List<BranchFileEntry>? Branches);

/// <summary>What loading did with one item: <c>CREATED</c>, <c>UPDATED</c>, <c>UNCHANGED</c>, <c>ADDED</c> or <c>REFUSED</c> with the error.</summary>
internal sealed record BranchLoadLine(string Item, string Outcome, UseCaseError? Error = null);

/// <summary>
/// Loads branch offices and working areas from a JSON file: <c>branches.json</c> in the data folder
/// (<c>lindung branch load</c>), or the built-in example of East Java branches beside the binary (the
/// demo). Loading again is harmless: an assignment already present is unchanged, one that overlaps
/// another branch's is refused by name, item by item, and the rest still loads.
/// </summary>
internal static class BranchFile
{
    public const string FileName = "branches.json";

    public static string BuiltInPath => Path.Combine(AppContext.BaseDirectory, "Branches", FileName);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and parses the file; a usage error naming the file when it cannot.</summary>
    public static BranchFileContent Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<BranchFileContent>(File.ReadAllText(path), Json) ?? new BranchFileContent(null, []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read branches file {path}: {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new UsageException($"Branches file {path} rejected: {ex.Message}");
        }
    }

    public static async Task<List<BranchLoadLine>> LoadAsync(LindungDbContext db, BranchFileContent content, AccessScope admin, CancellationToken ct)
    {
        var manage = new ManageBranches(db);
        var lines = new List<BranchLoadLine>();
        foreach (var entry in content.Branches ?? [])
        {
            var code = ManageBranches.NormalizeCode(entry.Code);
            var existing = code is null ? null : await db.BranchOffices.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct);
            var label = entry.Code ?? "?";
            if (existing is not null && existing.Name == entry.Name?.Trim() && existing.RegionCode == ManageBranches.Regency(entry.Seat))
            {
                lines.Add(new BranchLoadLine(label, "UNCHANGED"));
            }
            else
            {
                var saved = await manage.SaveAsync(new SaveBranchRequest(entry.Code, entry.Name, entry.Seat), admin, ct);
                lines.Add(saved.Succeeded ? new BranchLoadLine(label, existing is null ? "CREATED" : "UPDATED") : new BranchLoadLine(label, "REFUSED", saved.Errors[0]));
                if (!saved.Succeeded)
                {
                    continue;
                }
            }

            foreach (var area in entry.WorkingArea ?? [])
            {
                var item = string.Create(CultureInfo.InvariantCulture, $"{label} {area.Regency} {area.ValidFrom:yyyy-MM-dd}..{area.ValidTo:yyyy-MM-dd}");
                lines.Add(await LoadAreaAsync(db, manage, code!, area, item, admin, ct));
            }
        }

        return lines;
    }

    private static async Task<BranchLoadLine> LoadAreaAsync(
        LindungDbContext db, ManageBranches manage, string code, BranchFileArea area, string item, AccessScope admin, CancellationToken ct)
    {
        if (area.ValidFrom is not { } from)
        {
            return new BranchLoadLine(item, "REFUSED", BranchErrors.PeriodInvalid with { Field = "valid_from" });
        }

        var regency = ManageBranches.Regency(area.Regency);
        var same = regency is not null && await db.BranchWorkingAreas.AnyAsync(
            w => w.Branch!.Code == code && w.RegionCode == regency && w.ValidFrom == from && w.ValidTo == area.ValidTo, ct);
        if (same)
        {
            return new BranchLoadLine(item, "UNCHANGED");
        }

        var added = await manage.AssignAsync(new AssignWorkingAreaRequest(code, area.Regency, from, area.ValidTo), admin, ct);
        return added.Succeeded ? new BranchLoadLine(item, "ADDED") : new BranchLoadLine(item, "REFUSED", added.Errors[0]);
    }
}
