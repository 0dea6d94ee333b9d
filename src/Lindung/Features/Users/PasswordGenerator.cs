using System.Security.Cryptography;

namespace Lindung.Features.Users;

/// <summary>One-time passwords: 20 characters from an alphabet without look-alikes (0/O, 1/l/I).</summary>
internal static class PasswordGenerator
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Next(int length = 20) => RandomNumberGenerator.GetString(Alphabet, length);
}
