using System.Security.Cryptography;

namespace Lindung.Features.Backup;

/// <summary>Streams bytes through SHA-256 (and on to an output when one is given) in a fixed buffer, whatever the size.</summary>
internal static class HashingCopy
{
    public static async Task<(long Length, string Sha256)> CopyAsync(Stream input, Stream? output, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, ct)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (output is not null)
            {
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            length += read;
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
