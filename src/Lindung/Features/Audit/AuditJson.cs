using System.Text.Json;
using System.Text.Json.Nodes;
using Lindung.Data.Entities;
using Lindung.Security;

namespace Lindung.Features.Audit;

/// <summary>
/// An event's before/after row as one reader may see it (<see cref="PersonalDataPolicy.ForAuditTrail"/>,
/// docs/PRIVACY.md "The audit trail"). The rows are stored whole, with column names; what the
/// reader's view withholds becomes <see cref="Withheld"/>, so the reader still sees that the column
/// is there and, from <see cref="ChangedColumns"/>, whether it changed.
/// </summary>
internal static class AuditJson
{
    /// <summary>What a withheld value reads as.</summary>
    public const string Withheld = "***";

    /// <summary>Entities whose <c>name</c> column is a person's name; an agency's or employer's name is not personal.</summary>
    private static readonly HashSet<string> PersonEntities = new(StringComparer.Ordinal) { nameof(Worker), nameof(ImportUndoWorker) };

    /// <summary>The columns whose values differ between before and after, by name; empty for a create or delete.</summary>
    public static IReadOnlyList<string> ChangedColumns(string? before, string? after)
    {
        if (Parse(before) is not JsonObject b || Parse(after) is not JsonObject a)
        {
            return [];
        }

        return [.. b.Select(p => p.Key).Union(a.Select(p => p.Key), StringComparer.Ordinal)
            .Where(k => !JsonNode.DeepEquals(b[k], a[k]))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The row with what <paramref name="view"/> withholds replaced; unchanged for a reader who sees everything.</summary>
    public static string? Redact(string? json, string entityType, PersonalDataView view)
    {
        if (json is null || (view.Nik == NikView.Full && view.Names && view.Kpj && view.Wages))
        {
            return json;
        }

        var node = Parse(json);
        if (node is null)
        {
            // Not JSON (never written so): shown as nothing rather than risk what it holds.
            return Withheld;
        }

        return Rewrite(node, null, PersonEntities.Contains(entityType), view)?.ToJsonString();
    }

    private static JsonNode? Rewrite(JsonNode? node, string? column, bool person, PersonalDataView view)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Rewrite(obj[key]?.DeepClone(), key, person, view);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Rewrite(array[i]?.DeepClone(), column, person, view);
                }

                return array;
            case null:
                return null;
            default:
                return RewriteValue((JsonValue)node, column, person, view);
        }
    }

    private static JsonValue RewriteValue(JsonValue value, string? column, bool person, PersonalDataView view)
    {
        if (column is not null && !Shows(column, person, view))
        {
            return JsonValue.Create(Withheld);
        }

        if (value.TryGetValue<string>(out var text) && (IsNikColumn(column) || LooksLikeNik(text)))
        {
            // A 16-digit value under any column is treated as a NIK (an individual's NPWP is one).
            return view.ShowNik(text) is { } shown ? JsonValue.Create(shown) : JsonValue.Create(Withheld);
        }

        return value;
    }

    private static bool Shows(string column, bool person, PersonalDataView view) => column switch
    {
        "birth_date" or "sex" => view.BirthDateAndSex,
        "name" => !person || view.Names,
        "phone" => view.Names,
        "kpj" => view.Kpj,
        "monthly_wage" or "reported_wage" => view.Wages,
        _ => true,
    };

    private static bool IsNikColumn(string? column) =>
        column is not null && (column == "nik" || column.EndsWith("_nik", StringComparison.Ordinal));

    private static bool LooksLikeNik(string text) => text.Length == 16 && text.All(char.IsAsciiDigit);

    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
