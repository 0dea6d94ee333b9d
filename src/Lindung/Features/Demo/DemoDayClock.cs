namespace Lindung.Features.Demo;

/// <summary>A clock the seeder sets to a day (10:00 WIB) and moves, so each demo step is dated as if made on its day.</summary>
internal sealed class DemoDayClock(DateOnly day) : TimeProvider
{
    public DateOnly Day { get; set; } = day;

    public override DateTimeOffset GetUtcNow() => new(Day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
