using System.Text.Json;
using Lindung.Domain.Certificates;
using Lindung.Features.Certificates;
using Lindung.Tests.Cli;

namespace Lindung.Tests.Features.Certificates;

/// <summary><c>lindung certificate rotate</c> and <c>verify</c> find the keys where the web app does: <c>Certificates:KeyFolder</c>, else the data folder's.</summary>
public sealed class CertificateCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("lindung-cert-cli-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Rotate_adds_a_key_in_the_configured_folder_and_keeps_the_old_ones_published()
    {
        var data = Path.Combine(_root.FullName, "data");
        var keys = Path.Combine(_root.FullName, "keys");
        var settings = new Dictionary<string, string?> { ["Certificates:KeyFolder"] = keys };

        var first = await CliRun.ExecuteWithConfigurationAsync(settings, "certificate", "rotate", "--data", data);
        var second = await CliRun.ExecuteWithConfigurationAsync(settings, "certificate", "rotate", "--data", data);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        using var firstJson = JsonDocument.Parse(first.Out);
        using var secondJson = JsonDocument.Parse(second.Out);
        Assert.Equal(1, firstJson.RootElement.GetProperty("published_keys").GetInt32());
        Assert.Equal(2, secondJson.RootElement.GetProperty("published_keys").GetInt32());
        var newest = secondJson.RootElement.GetProperty("key_id").GetString();
        Assert.NotEqual(firstJson.RootElement.GetProperty("key_id").GetString(), newest);
        Assert.Equal(2, Directory.GetFiles(keys, "*.pem").Length);
        Assert.False(Directory.Exists(Path.Combine(data, "certificate-keys")));
        Assert.DoesNotContain("PRIVATE", first.Out + second.Out, StringComparison.Ordinal);

        // The web app's store, on the same folder, signs with the newest key.
        Assert.Equal(newest, new CertificateKeyStore(keys, TimeProvider.System).Active.KeyId);
    }

    [Fact]
    public async Task Without_the_setting_rotate_uses_the_data_folder()
    {
        var data = Path.Combine(_root.FullName, "data");
        var run = await CliRun.ExecuteAsync("certificate", "rotate", "--data", data);

        Assert.Equal(0, run.ExitCode);
        Assert.Single(Directory.GetFiles(Path.Combine(data, "certificate-keys"), "*.pem"));
        var jwks = JwkSet.Parse(new CertificateKeyStore(Path.Combine(data, "certificate-keys"), TimeProvider.System).PublicKeys().ToJson())!;
        Assert.Single(jwks.Keys);
    }
}
