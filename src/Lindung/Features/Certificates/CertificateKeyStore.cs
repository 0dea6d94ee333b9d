using System.Globalization;
using System.Security.Cryptography;
using Lindung.Domain.Certificates;
using Lindung.Hosting;

namespace Lindung.Features.Certificates;

/// <summary>
/// The ES256 keys that sign compliance certificates: one PKCS#8 PEM file per key in a private
/// folder (the data folder's <c>certificate-keys</c>, or <c>Certificates:KeyFolder</c>), each file
/// created 0600, named by its key id. Key ids start with the creation time, so the newest signs;
/// rotating adds a key and retires none, so every certificate ever issued still verifies against
/// the published JWKS. Private keys never leave this class (nor reach a log). The folder is listed
/// on every use (a handful of names) and a file not yet known is read, so a key added by <c>lindung certificate
/// rotate</c> beside a running app signs and is published from the next request, without a restart.
/// </summary>
internal sealed class CertificateKeyStore
{
    private const string Extension = ".pem";
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private Dictionary<string, ECDsa>? _keys;
    private bool _complete;

    public CertificateKeyStore(string folder, TimeProvider clock)
    {
        Folder = folder;
        _clock = clock;
    }

    public string Folder { get; }

    /// <summary>The key folder: the configured one, else the data folder's <c>certificate-keys</c>.</summary>
    public static string ResolveFolder(string dataDirectory, IConfiguration? configuration) =>
        configuration?["Certificates:KeyFolder"] is { Length: > 0 } configured ? configured : Path.Combine(dataDirectory, "certificate-keys");

    /// <summary>The key that signs new certificates, created on first use.</summary>
    public (string KeyId, ECDsa Key) Active
    {
        get
        {
            lock (_gate)
            {
                var keys = Load();
                if (keys.Count == 0)
                {
                    return CreateKey(keys);
                }

                var newest = keys.Keys.Max(StringComparer.Ordinal)!;
                return (newest, keys[newest]);
            }
        }
    }

    /// <summary>Adds a new signing key and answers its id; older keys stay published.</summary>
    public string Rotate()
    {
        lock (_gate)
        {
            return CreateKey(Load()).KeyId;
        }
    }

    /// <summary>Every key's public half, newest first, as published at <c>/.well-known/jwks.json</c>.</summary>
    public JwkSet PublicKeys()
    {
        lock (_gate)
        {
            return new JwkSet([.. Load().OrderByDescending(k => k.Key, StringComparer.Ordinal).Select(k => Jwk.From(k.Key, k.Value))]);
        }
    }

    /// <summary>A public key by id, for <see cref="ComplianceToken.Verify"/>.</summary>
    public ECDsa? Find(string keyId)
    {
        lock (_gate)
        {
            return Load().GetValueOrDefault(keyId);
        }
    }

    private Dictionary<string, ECDsa> Load()
    {
        var files = Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*" + Extension) : [];
        if (_keys is not null && _complete && files.Length == _keys.Count && files.All(f => _keys.ContainsKey(Path.GetFileNameWithoutExtension(f))))
        {
            return _keys;
        }

        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        var complete = true;
        foreach (var file in files)
        {
            var keyId = Path.GetFileNameWithoutExtension(file);
            if (_keys?.GetValueOrDefault(keyId) is { } known)
            {
                keys[keyId] = known;
            }
            else if (TryRead(file) is { } key)
            {
                keys[keyId] = key;
            }
            else
            {
                // A file another process is still writing: try it again next time.
                complete = false;
            }
        }

        _complete = complete;
        return _keys = keys;
    }

    private static ECDsa? TryRead(string file)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(file));
            return key;
        }
        catch (ArgumentException)
        {
            key.Dispose();
            return null;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }

    /// <summary>
    /// The creation time to the millisecond, later than the newest key's: two rotations within one
    /// millisecond, or a clock set back, must still leave the new key newest. Older ids have whole
    /// seconds only; they sort before any id of the same second with milliseconds.
    /// </summary>
    private static string NextStamp(DateTime now, string? newest)
    {
        const string Format = "yyyyMMdd'T'HHmmssfff";
        var stamp = now.ToString(Format, CultureInfo.InvariantCulture);
        if (newest is null || string.CompareOrdinal(stamp, newest) > 0)
        {
            return stamp;
        }

        var newestStamp = newest.Split('-')[0];
        var at = DateTime.ParseExact(newestStamp, [Format, "yyyyMMdd'T'HHmmss"], CultureInfo.InvariantCulture, DateTimeStyles.None);
        return at.AddMilliseconds(1).ToString(Format, CultureInfo.InvariantCulture);
    }

    private (string KeyId, ECDsa Key) CreateKey(Dictionary<string, ECDsa> keys)
    {
        PrivateFiles.CreateFolder(Folder);
        var stamp = NextStamp(_clock.GetUtcNow().UtcDateTime, keys.Count == 0 ? null : keys.Keys.Max(StringComparer.Ordinal));
        var keyId = $"{stamp}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using (var file = PrivateFiles.Create(Path.Combine(Folder, keyId + Extension), FileMode.CreateNew))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        keys[keyId] = key;
        return (keyId, key);
    }
}
