using Lindung.Domain.Certificates;
using Lindung.Features.Certificates;

namespace Lindung.Tests.Features.Certificates;

public sealed class CertificateKeyStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lindung-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static CertificateClaims Claims() => new("lindung", Guid.Empty.ToString(), Guid.NewGuid().ToString(), Now.ToUnixTimeSeconds(), Now.AddDays(30).ToUnixTimeSeconds(), "PT A");

    [Fact]
    public void Rotation_signs_with_the_new_key_and_old_certificates_still_verify()
    {
        var store = new CertificateKeyStore(_folder, new FixedClock(Now));
        var (oldKid, oldKey) = store.Active;
        var oldToken = ComplianceToken.Sign(Claims(), oldKid, oldKey);

        var newKid = store.Rotate();
        var (activeKid, activeKey) = store.Active;
        var newToken = ComplianceToken.Sign(Claims(), activeKid, activeKey);

        Assert.Equal(newKid, activeKid);
        Assert.NotEqual(oldKid, newKid);
        // A fresh store reads the same keys from disk; the published set holds both.
        var jwks = JwkSet.Parse(new CertificateKeyStore(_folder, TimeProvider.System).PublicKeys().ToJson())!;
        Assert.Equal(2, jwks.Keys.Count);
        Assert.True(ComplianceToken.Verify(oldToken, jwks.Lookup(), Now).IsValid);
        Assert.True(ComplianceToken.Verify(newToken, jwks.Lookup(), Now).IsValid);
        Assert.Equal(newKid, ComplianceToken.Verify(newToken, jwks.Lookup(), Now).KeyId);
        Assert.DoesNotContain("\"d\"", jwks.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_made_in_the_same_millisecond_or_with_a_clock_set_back_is_still_the_newest()
    {
        var stopped = new StoppedClock(Now);
        var store = new CertificateKeyStore(_folder, stopped);
        var first = store.Rotate();
        var second = store.Rotate();
        stopped.Now = Now.AddDays(-3);
        var third = new CertificateKeyStore(_folder, stopped).Rotate();

        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());
        Assert.Equal(third, new CertificateKeyStore(_folder, TimeProvider.System).Active.KeyId);
    }

    [Fact]
    public void A_running_store_signs_with_and_publishes_a_key_another_process_added()
    {
        var running = new CertificateKeyStore(_folder, new FixedClock(Now));
        var (oldKid, _) = running.Active;
        Assert.Single(running.PublicKeys().Keys);

        // What `lindung certificate rotate` does beside the running app: its own store on the same folder.
        var added = new CertificateKeyStore(_folder, new FixedClock(Now.AddMinutes(1))).Rotate();

        Assert.NotEqual(oldKid, added);
        Assert.Equal(added, running.Active.KeyId);
        Assert.Equal([added, oldKid], running.PublicKeys().Keys.Select(k => k.Kid));
        Assert.NotNull(running.Find(added));
    }

    [Fact]
    public void A_key_file_still_being_written_is_skipped_until_it_is_complete()
    {
        var running = new CertificateKeyStore(_folder, new FixedClock(Now));
        var (oldKid, _) = running.Active;
        var half = Path.Combine(_folder, "29991231T000000000-abcdef.pem");
        File.WriteAllText(half, "-----BEGIN PRIVATE KEY-----\n");

        Assert.Equal(oldKid, running.Active.KeyId);

        using (var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
        {
            File.WriteAllText(half, key.ExportPkcs8PrivateKeyPem());
        }

        Assert.Equal("29991231T000000000-abcdef", running.Active.KeyId);
    }

    [Fact]
    public void Key_files_are_private()
    {
        var store = new CertificateKeyStore(_folder, TimeProvider.System);
        _ = store.Active;

        var file = Assert.Single(Directory.GetFiles(_folder));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now = _now.AddSeconds(1);
    }
}
