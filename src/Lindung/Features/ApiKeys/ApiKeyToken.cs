using System.Security.Cryptography;
using System.Text;

namespace Lindung.Features.ApiKeys;

/// <summary>
/// The key format <c>lk_&lt;prefix&gt;_&lt;secret&gt;</c>: a 12-hex-digit prefix to find the row and show to
/// humans, a 64-hex-digit secret (256 random bits). Hex only, so '_' always separates the parts.
/// </summary>
internal static class ApiKeyToken
{
    public const string Marker = "lk";
    private const int PrefixLength = 12;
    private const int SecretLength = 64;

    public static (string Key, string Prefix) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretLength / 2));
        return ($"{Marker}_{prefix}_{secret}", prefix);
    }

    /// <summary>The prefix of a well-formed key, else null.</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null)
        {
            return null;
        }

        var parts = key.Split('_');
        return parts.Length == 3 && parts[0] == Marker && IsHex(parts[1], PrefixLength) && IsHex(parts[2], SecretLength)
            ? parts[1]
            : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));

    /// <summary>Compares the key's hash with the stored one in constant time.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static bool IsHex(string s, int length) => s.Length == length && s.All(char.IsAsciiHexDigitLower);
}
