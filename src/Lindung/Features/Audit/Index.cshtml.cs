using System.Globalization;
using System.Text.Json;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Features.Shared;
using Lindung.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lindung.Features.Audit;

/// <summary><c>/audit</c>: the audit trail of the caller's regions, filtered and paged, newest first, with each event's before and after.</summary>
[Authorize(Policy = Policies.Audit)]
internal sealed class IndexModel(SearchAuditTrail search, LindungDbContext db) : PageModel
{
    // Relaxed escaping (names read as typed) is safe here: Razor HTML-encodes the text it writes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [FromQuery(Name = "entity")]
    public string? Entity { get; set; }

    [FromQuery(Name = "entityKey")]
    public string? EntityKey { get; set; }

    // "user", not User: the page already has the signed-in User.
    [FromQuery(Name = "user")]
    public string? Actor { get; set; }

    [FromQuery(Name = "action")]
    public string? ActionCode { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public AuditTrailPage? Result { get; private set; }

    /// <summary>The entity types the trail records, for the filter's suggestions.</summary>
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public static IReadOnlyList<AuditAction> Actions { get; } = Enum.GetValues<AuditAction>();

    /// <summary>A reader with no region and no whole-installation scope reads nothing; the page says why.</summary>
    public bool NoScope => AccessScope.From(User) is { WholeInstallation: false, RegionCodes.Count: 0 };

    /// <summary>Whether the viewer may open a worker's page from an event about that worker.</summary>
    public bool LinksWorkers => Policies.Allows(User, Policies.Registry);

    public async Task OnGetAsync(CancellationToken ct)
    {
        EntityTypes = [.. db.Model.GetEntityTypes()
            .Where(t => typeof(IRegionScoped).IsAssignableFrom(t.ClrType) && !typeof(IDerivedRow).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name)
            .Append(nameof(LindungUser))
            .Order(StringComparer.Ordinal)];
        var result = await search.HandleAsync(Filter, After, null, AccessScope.From(User), ct);
        if (result.Succeeded)
        {
            Result = result.Value;
        }
        else
        {
            ModelState.AddUseCaseErrors(result.Errors, field => field ?? string.Empty);
        }
    }

    public AuditTrailFilter Filter => new(Entity, EntityKey, Actor, ActionCode, From, To);

    /// <summary>The filters as a query string (without <c>after</c>), for the next page and the exports.</summary>
    public string FilterQuery()
    {
        var query = new Dictionary<string, string?>
        {
            ["entity"] = Entity,
            ["entityKey"] = EntityKey,
            ["user"] = Actor,
            ["action"] = ActionCode,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return string.Join('&', query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!.Trim())}"));
    }

    public string NextLink(string next) => $"/audit?{FilterQuery()}&after={Uri.EscapeDataString(next)}";

    public string ExportLink(string format) => $"/api/v1/audit-events/export?format={format}&{FilterQuery()}";

    public static string ActionKey(AuditAction action) => "audit.action." + EnumCodes<AuditAction>.ToCode(action);

    public static string ActionCodeOf(AuditAction action) => EnumCodes<AuditAction>.ToCode(action);

    /// <summary>A before/after row laid out one column per line.</summary>
    public static string Pretty(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
