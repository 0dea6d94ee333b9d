using System.CommandLine;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Domain.Certificates;

namespace Lindung.Features.Certificates;

/// <summary>
/// <c>lindung certificate verify TOKEN [--jwks FILE]</c>: prints the verdict as JSON and exits 0
/// only for a valid, unexpired, unrevoked certificate (1 otherwise). Without <c>--jwks</c> it uses
/// this installation's keys and revocation list; with it (offline) the signature and expiry only.
/// <c>lindung certificate rotate</c> adds a signing key; older keys stay published. Both find the
/// keys where the web app does (<c>Certificates:KeyFolder</c>, else the data folder's).
/// </summary>
internal static class CertificateCommand
{
    public static Command Create(CliConsole console)
    {
        var token = new Argument<string>("TOKEN") { Description = "The token (or the whole verify URL) from the certificate's QR code." };
        var jwks = new Option<FileInfo?>("--jwks") { Description = "A JWKS file: verify offline (signature and expiry; revocation not checked)." };
        var verify = new Command("verify", "Verify a compliance certificate token.") { token, jwks };
        verify.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(token) ?? string.Empty;
            var marker = text.LastIndexOf("/verifikasi/", StringComparison.Ordinal);
            if (marker >= 0)
            {
                text = text[(marker + "/verifikasi/".Length)..];
            }

            CertificateVerification result;
            if (parse.GetValue(jwks) is { } file)
            {
                var set = file.Exists ? JwkSet.Parse(await File.ReadAllTextAsync(file.FullName, ct)) : null;
                if (set is null)
                {
                    throw new UsageException($"{file.FullName} is not a JWKS file.");
                }

                result = VerifyCertificate.Offline(ComplianceToken.Verify(text, set.Lookup(), console.Clock.GetUtcNow()), revocationChecked: false);
            }
            else
            {
                await using var services = await CliServices.StartAsync(parse, ct);
                var dataDirectory = GlobalOptions.ResolveDataDirectory(parse);
                var keys = new CertificateKeyStore(CertificateKeyStore.ResolveFolder(dataDirectory, console.Configuration), console.Clock);
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<Data.LindungDbContext>();
                result = await new VerifyCertificate(db, keys, console.Clock).HandleAsync(text, ct);
            }

            await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                valid = result.Valid,
                status = result.Status,
                employer = result.Employer is { } e ? new { name = e.Name, npp = e.Npp, nib = e.Nib, npwp = e.Npwp } : null,
                valid_until = result.ValidUntil,
                reason = result.RevocationChecked ? result.Reason : $"{result.Reason}; revocation not checked (offline)",
                revocation_checked = result.RevocationChecked,
            }, CliJson.SerializerOptions));
            return result.Valid ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        var rotate = new Command("rotate", "Add a new signing key; older keys stay published so their certificates still verify.");
        rotate.SetAction(async (parse, ct) =>
        {
            var keys = new CertificateKeyStore(CertificateKeyStore.ResolveFolder(GlobalOptions.ResolveDataDirectory(parse), console.Configuration), console.Clock);
            var keyId = keys.Rotate();
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                key_id = keyId,
                published_keys = keys.PublicKeys().Keys.Count,
            }, CliJson.SerializerOptions));
            return ExitCodes.Ok;
        });
        return new Command("certificate", "Compliance certificates (Surat Keterangan Kepatuhan).") { verify, rotate };
    }
}
