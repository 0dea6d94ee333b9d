using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Lindung.Localization;

/// <summary>
/// UI strings from one JSON file (<c>Localization/ui-text.json</c>: key → {id, en}), so a translator
/// sees both languages side by side. A missing key shows the key itself, which tests catch.
/// </summary>
internal sealed class UiText : IStringLocalizer
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<FrozenDictionary<string, Entry>> Entries = new(Load);

    public LocalizedString this[string name]
    {
        get
        {
            var found = Entries.Value.TryGetValue(name, out var entry);
            var text = !found ? name : Languages.IsEnglish(CultureInfo.CurrentUICulture) ? entry!.En : entry!.Id;
            return new LocalizedString(name, text, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments), this[name].ResourceNotFound);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Entries.Value.Keys.Select(key => this[key]);

    internal static IReadOnlyCollection<string> Keys => Entries.Value.Keys;

    private static FrozenDictionary<string, Entry> Load()
    {
        using var stream = typeof(UiText).Assembly.GetManifestResourceStream("Lindung.Localization.ui-text.json")
            ?? throw new InvalidOperationException("ui-text.json is not embedded.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, JsonOptions)
            ?? throw new InvalidOperationException("ui-text.json is empty.");
        var incomplete = entries.Where(e => string.IsNullOrWhiteSpace(e.Value.Id) || string.IsNullOrWhiteSpace(e.Value.En)).Select(e => e.Key).ToList();
        if (incomplete.Count > 0)
        {
            throw new InvalidOperationException($"ui-text.json lacks a language for: {string.Join(", ", incomplete)}");
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Entry(string Id, string En);
}
