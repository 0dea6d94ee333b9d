using System.Text.RegularExpressions;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Branches;

/// <summary>A branch office to create, or to rename and move when the code exists.</summary>
internal sealed record SaveBranchRequest(string? Code, string? Name, string? Seat);

/// <summary>A regency to add to a branch's working area from <see cref="ValidFrom"/>, until <see cref="ValidTo"/> (exclusive) or open.</summary>
internal sealed record AssignWorkingAreaRequest(string? BranchCode, string? Regency, DateOnly ValidFrom, DateOnly? ValidTo = null);

/// <summary>
/// The writes on branch offices and their working areas, on behalf of an admin whose regions bound
/// what it may touch (<see cref="AccessScope.Operator"/> at the command line). Every row is a
/// registry row, so the audit interceptor records each change with its actor.
/// </summary>
internal sealed partial class ManageBranches(LindungDbContext db)
{
    /// <summary>Creates the branch, or updates the name and seat of the branch with that code.</summary>
    public async Task<UseCaseResult<BranchOffice>> SaveAsync(SaveBranchRequest request, AccessScope admin, CancellationToken ct)
    {
        var errors = new List<UseCaseError>();
        var code = NormalizeCode(request.Code);
        if (code is null)
        {
            errors.Add(BranchErrors.CodeInvalid);
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            errors.Add(BranchErrors.NameMissing);
        }

        var seat = Regency(request.Seat);
        if (seat is null)
        {
            errors.Add(BranchErrors.SeatInvalid);
        }
        else if (!admin.Covers(seat))
        {
            errors.Add(BranchErrors.OutsideScope with { Field = "seat" });
        }

        if (errors.Count > 0)
        {
            return UseCaseResult<BranchOffice>.Refused([.. errors]);
        }

        var branch = await db.BranchOffices.FirstOrDefaultAsync(b => b.Code == code, ct);
        if (branch is null)
        {
            branch = new BranchOffice { Code = code!, Name = name!, RegionCode = seat! };
            db.BranchOffices.Add(branch);
        }
        else if (!admin.Covers(branch.RegionCode))
        {
            return BranchErrors.CodeTaken;
        }
        else
        {
            branch.Name = name!;
            branch.RegionCode = seat!;
        }

        await db.SaveChangesAsync(ct);
        return UseCaseResult<BranchOffice>.Ok(branch);
    }

    /// <summary>
    /// Adds a regency to a branch's working area. Refused when the regency belongs to any branch (this
    /// one included) on any day of the period: a regency moves by ending the old assignment on the day
    /// the new one starts.
    /// </summary>
    public async Task<UseCaseResult<BranchWorkingArea>> AssignAsync(AssignWorkingAreaRequest request, AccessScope admin, CancellationToken ct)
    {
        var code = NormalizeCode(request.BranchCode);
        var branch = code is null ? null : await db.BranchOffices.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct);
        if (branch is null)
        {
            return BranchErrors.NotFound;
        }

        var regency = Regency(request.Regency);
        if (regency is null)
        {
            return BranchErrors.RegencyInvalid;
        }

        if (!admin.Covers(regency))
        {
            return BranchErrors.OutsideScope with { Field = "regency" };
        }

        if (request.ValidTo is { } end && end <= request.ValidFrom)
        {
            return BranchErrors.PeriodInvalid;
        }

        if (await OverlapAsync(regency, request.ValidFrom, request.ValidTo, ct) is { } overlap)
        {
            return overlap;
        }

        var area = new BranchWorkingArea { BranchId = branch.Id, RegionCode = regency, ValidFrom = request.ValidFrom, ValidTo = request.ValidTo };
        db.BranchWorkingAreas.Add(area);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another admin opened an assignment for the regency between the check and the write:
            // the unique index on open assignments refused it. Answer as the check would have.
            db.ChangeTracker.Clear();
            return await OverlapAsync(regency, request.ValidFrom, request.ValidTo, ct) ?? throw new InvalidOperationException("The working area could not be saved.");
        }

        return UseCaseResult<BranchWorkingArea>.Ok(area);
    }

    /// <summary>Ends an assignment on <paramref name="validTo"/> (exclusive): from that day the regency is free for another branch.</summary>
    public async Task<UseCaseResult<BranchWorkingArea>> EndAsync(Guid assignmentId, DateOnly validTo, AccessScope admin, CancellationToken ct)
    {
        var area = await db.BranchWorkingAreas.FirstOrDefaultAsync(w => w.Id == assignmentId, ct);
        if (area is null || !admin.Covers(area.RegionCode))
        {
            return BranchErrors.AssignmentNotFound;
        }

        if (validTo <= area.ValidFrom || (area.ValidTo is { } current && validTo > current))
        {
            return BranchErrors.EndInvalid;
        }

        area.ValidTo = validTo;
        await db.SaveChangesAsync(ct);
        return UseCaseResult<BranchWorkingArea>.Ok(area);
    }

    /// <summary>"madiun " → "MADIUN"; null when it is not a code.</summary>
    public static string? NormalizeCode(string? text)
    {
        var code = text?.Trim().ToUpperInvariant();
        return code is not null && CodePattern().IsMatch(code) ? code : null;
    }

    /// <summary>A known regency/city code (PP.KK), dotted; null otherwise.</summary>
    public static string? Regency(string? text)
    {
        var dotted = AreaCode.Normalize(text);
        return dotted is not null && AreaCode.LevelOf(dotted) == AreaLevel.Regency && AreaDirectory.Embedded.Exists(dotted) ? dotted : null;
    }

    private async Task<UseCaseError?> OverlapAsync(string regency, DateOnly from, DateOnly? to, CancellationToken ct)
    {
        var query = db.BranchWorkingAreas.AsNoTracking()
            .Where(w => w.RegionCode == regency && (w.ValidTo == null || w.ValidTo > from));
        if (to is { } end)
        {
            query = query.Where(w => w.ValidFrom < end);
        }

        var other = await query.OrderBy(w => w.ValidFrom).Select(w => new { w.Branch!.Code, w.ValidFrom, w.ValidTo }).FirstOrDefaultAsync(ct);
        return other is null ? null : BranchErrors.Overlap(regency, other.Code, other.ValidFrom, other.ValidTo);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{1,31}$")]
    private static partial Regex CodePattern();
}
