using System.Text.Json.Serialization;

namespace Lindung.Domain.Procurement;

/// <summary>
/// What a government contract buys, as procurement systems name it: construction works (the
/// contractor registers the project in Jasa Konstruksi), other services (outsourcing, cleaning,
/// security: the vendor's workers are its PU participants), or goods (no coverage condition).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContractKind>))]
public enum ContractKind
{
    [JsonStringEnumMemberName("KONSTRUKSI")] Konstruksi,

    [JsonStringEnumMemberName("JASA_LAINNYA")] JasaLainnya,

    [JsonStringEnumMemberName("BARANG")] Barang,
}

public static class ContractKinds
{
    public static string Code(ContractKind kind) => kind switch
    {
        ContractKind.Konstruksi => "KONSTRUKSI",
        ContractKind.JasaLainnya => "JASA_LAINNYA",
        ContractKind.Barang => "BARANG",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind named by its code (case and surrounding blanks ignored; <c>JASA LAINNYA</c> and <c>JASA-LAINNYA</c> too).</summary>
    public static bool TryParse(string? text, out ContractKind kind)
    {
        switch (text?.Trim().ToUpperInvariant().Replace(' ', '_').Replace('-', '_'))
        {
            case "KONSTRUKSI":
                kind = ContractKind.Konstruksi;
                return true;
            case "JASA_LAINNYA":
                kind = ContractKind.JasaLainnya;
                return true;
            case "BARANG":
                kind = ContractKind.Barang;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
