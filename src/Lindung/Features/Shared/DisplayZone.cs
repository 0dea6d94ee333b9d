using Lindung.Domain.Areas;
using Lindung.Security;

namespace Lindung.Features.Shared;

/// <summary>
/// The time zone a request's times are written in, beside its culture: the zone the signed-in
/// user's regions share (WIB, WITA or WIT), else WIB. Ambient like <see cref="System.Globalization.CultureInfo.CurrentCulture"/>,
/// so <see cref="Formats.Moment"/> needs no argument; the server's own zone plays no part.
/// </summary>
internal static class DisplayZone
{
    private static readonly AsyncLocal<RegionTimeZone?> Ambient = new();

    public static RegionTimeZone Current => Ambient.Value ?? RegionTimeZone.Wib;

    /// <summary>After authentication: every later step of the request writes times in the user's zone.</summary>
    public static IApplicationBuilder UseDisplayZone(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        Ambient.Value = RegionTimeZone.Shared(AccessScope.From(context.User).RegionCodes);
        await next(context);
    });
}
