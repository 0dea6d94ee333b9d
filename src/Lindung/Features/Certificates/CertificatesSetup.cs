using Lindung.Hosting;

namespace Lindung.Features.Certificates;

/// <summary>Settings of compliance certificates: how long one is valid, the issuer, the base URL its QR points to.</summary>
internal sealed record CertificateOptions(int ValidDays = CertificateOptions.DefaultValidDays, string Issuer = "lindung", string? PublicBaseUrl = null)
{
    public const int DefaultValidDays = 30;

    public static CertificateOptions From(IConfiguration? configuration) => new(
        int.TryParse(configuration?["Certificates:ValidDays"], out var days) && days > 0 ? days : DefaultValidDays,
        configuration?["Certificates:Issuer"] is { Length: > 0 } issuer ? issuer : "lindung",
        configuration?["Certificates:PublicBaseUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : null);
}

/// <summary>Registers the certificate keys and use cases, and publishes the JWKS.</summary>
internal static class CertificatesSetup
{
    public const string JwksPath = "/.well-known/jwks.json";

    public static IServiceCollection AddLindungCertificates(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CertificateKeyStore(
            CertificateKeyStore.ResolveFolder(sp.GetRequiredService<LindungHostOptions>().DataDirectory, sp.GetService<IConfiguration>()),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => CertificateOptions.From(sp.GetService<IConfiguration>()));
        services.AddScoped<IssueCertificate>();
        services.AddScoped<RevokeCertificate>();
        services.AddScoped<VerifyCertificate>();
        return services;
    }

    /// <summary>The public keys, anonymous: anyone may check a certificate, offline too once they hold this file.</summary>
    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksPath, (CertificateKeyStore keys) => Results.Text(keys.PublicKeys().ToJson(), "application/jwk-set+json"))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
