using System.Globalization;
using Lindung.Data.Entities;

namespace Lindung.Data.Configurations;

/// <summary>
/// The national days off shipped with Lindung: 2026 per the SKB 3 Menteri on national holidays and
/// joint leave for 2026; 2027's fixed-date and Easter-bound holidays only, until its SKB is published
/// and an admin enters the rest (docs/ENFORCEMENT.md). Deadlines read these rows, never this list.
/// </summary>
internal static class NationalDaysOff
{
    private static readonly (string Date, string Name, DayOffKind Kind)[] Days =
    [
        ("2026-01-01", "Tahun Baru 2026 Masehi", DayOffKind.Holiday),
        ("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", DayOffKind.Holiday),
        ("2026-02-16", "Cuti bersama Tahun Baru Imlek", DayOffKind.JointLeave),
        ("2026-02-17", "Tahun Baru Imlek 2577 Kongzili", DayOffKind.Holiday),
        ("2026-03-18", "Cuti bersama Hari Suci Nyepi", DayOffKind.JointLeave),
        ("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)", DayOffKind.Holiday),
        ("2026-03-20", "Cuti bersama Idulfitri 1447 H", DayOffKind.JointLeave),
        ("2026-03-21", "Idulfitri 1447 H", DayOffKind.Holiday),
        ("2026-03-22", "Idulfitri 1447 H", DayOffKind.Holiday),
        ("2026-03-23", "Cuti bersama Idulfitri 1447 H", DayOffKind.JointLeave),
        ("2026-03-24", "Cuti bersama Idulfitri 1447 H", DayOffKind.JointLeave),
        ("2026-04-03", "Wafat Yesus Kristus", DayOffKind.Holiday),
        ("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)", DayOffKind.Holiday),
        ("2026-05-01", "Hari Buruh Internasional", DayOffKind.Holiday),
        ("2026-05-14", "Kenaikan Yesus Kristus", DayOffKind.Holiday),
        ("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus", DayOffKind.JointLeave),
        ("2026-05-27", "Iduladha 1447 H", DayOffKind.Holiday),
        ("2026-05-28", "Cuti bersama Iduladha 1447 H", DayOffKind.JointLeave),
        ("2026-05-31", "Hari Raya Waisak 2570 BE", DayOffKind.Holiday),
        ("2026-06-01", "Hari Lahir Pancasila", DayOffKind.Holiday),
        ("2026-06-16", "Tahun Baru Islam 1448 H", DayOffKind.Holiday),
        ("2026-08-17", "Hari Kemerdekaan Republik Indonesia", DayOffKind.Holiday),
        ("2026-08-25", "Maulid Nabi Muhammad SAW", DayOffKind.Holiday),
        ("2026-12-24", "Cuti bersama Hari Raya Natal", DayOffKind.JointLeave),
        ("2026-12-25", "Hari Raya Natal", DayOffKind.Holiday),
        ("2027-01-01", "Tahun Baru 2027 Masehi", DayOffKind.Holiday),
        ("2027-03-26", "Wafat Yesus Kristus", DayOffKind.Holiday),
        ("2027-03-28", "Kebangkitan Yesus Kristus (Paskah)", DayOffKind.Holiday),
        ("2027-05-01", "Hari Buruh Internasional", DayOffKind.Holiday),
        ("2027-05-06", "Kenaikan Yesus Kristus", DayOffKind.Holiday),
        ("2027-06-01", "Hari Lahir Pancasila", DayOffKind.Holiday),
        ("2027-08-17", "Hari Kemerdekaan Republik Indonesia", DayOffKind.Holiday),
        ("2027-12-25", "Hari Raya Natal", DayOffKind.Holiday),
    ];

    public static DayOff[] Seed { get; } = Days.Select(d =>
    {
        var date = DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DayOff
        {
            Id = Guid.ParseExact($"0000d0ff-0000-0000-0000-{date:yyyyMMdd}0000", "D"),
            Date = date,
            Name = d.Name,
            Kind = d.Kind,
            AppliesTo = string.Empty,
        };
    }).ToArray();
}
