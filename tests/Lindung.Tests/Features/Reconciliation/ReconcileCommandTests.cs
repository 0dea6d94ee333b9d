using System.Text;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Features.Reconciliation;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Spreadsheets;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Features.Reconciliation;

public class ReconcileCommandTests
{
    private const string Members = """
        kpj,nik,nama,tanggal_lahir,jenis_kelamin,segmen,npp,status,program,upah_dilaporkan
        11111111111,3577011203900001,Budi Santoso,1990-03-12,L,PU,15070955,AKTIF,"JKK,JKM,JHT",3000000
        22222222222,3577015506850003,Siti Aminah,1985-06-15,P,PU,15070955,AKTIF,"JKK,JKM",2000000
        33333333333,3577010101800001,Muhammad Yusuf,1980-01-01,L,BPU,,AKTIF,JKK;JKM,1000000
        44444444444,3577012007950001,Dwi Santoso,1995-07-20,L,PU,15070955,AKTIF,"JKK,JKM",2000000
        55555555555,3577014408920001,Sumarni,1992-08-04,P,PU,15070955,NONAKTIF,"JKK,JKM,JHT,JP",2000000
        66666666666,3577011111880001,Agus Wibowo,1988-11-11,L,PU,15070955,AKTIF,JKK,2000000

        """;

    private const string Roster = """
        No. KTP;Nama Lengkap;Tgl Lahir;L/P;Kode Wilayah;OPD;Status Pegawai;Gaji
        '3577011203900001;Budi Santoso;12/03/1990;L;35.77.01;Dinas Kesehatan;HONORER;Rp 3.000.000
        3577015506850008;Siti Aminah;15-06-1985;P;35.77.01;Dinas Kesehatan;GTT;2.500.000
        ;H. Mochammad Yusuf, S.Pd.;01/01/1980;L;35.77.01;Dinas Pendidikan;GTT;1.000.000
        3577012007950002;Tri Santoso;20/07/1995;L;35.77.01;Dinas PU;HARIAN_LEPAS;2.000.000
        3577014408920001;Sumarni;04/08/1992;P;35.77.01;RSUD;KONTRAK;2.000.000
        3577011111880001;Agus Wibowo;11/11/1988;Laki-laki;35.77.01;RSUD;KONTRAK;2.000.000
        3.57701E+15;;;;;RSUD;KONTRAK;

        """;

    [Fact]
    public async Task Writes_one_outcome_per_roster_row_numbered_as_in_the_spreadsheet()
    {
        using var dir = new TempDirectory();
        var (roster, members, output) = Files(dir, Roster);

        var run = await CliRun.ExecuteAsync("reconcile", "--roster", roster, "--members", members, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(output, Encoding.UTF8);
        Assert.Equal(
            [
                "baris,nik,nama,hasil,kpj,metode,skor,kesenjangan",
                "2,'3577011203900001,Budi Santoso,COVERED_ACTIVE,11111111111,NIK,1.000,",
                "3,3577015506850008,Siti Aminah,COVERED_ACTIVE,22222222222,NIK_REPAIRED,1.000,WAGE_UNDERREPORTED",
                "4,,\"H. Mochammad Yusuf, S.Pd.\",COVERED_ACTIVE,33333333333,NAME_DOB,1.000,",
                "5,3577012007950002,Tri Santoso,NOT_REGISTERED,,,0.000,", // Dwi Santoso cannot reach review on the name, so he is never scored
                "6,3577014408920001,Sumarni,COVERED_INACTIVE,55555555555,NIK,1.000,",
                "7,3577011111880001,Agus Wibowo,COVERED_ACTIVE,66666666666,NIK,1.000,PROGRAM_MISSING",
                "8,3.57701E+15,,INVALID_ROW,,,0.000,",
            ],
            lines);
        Assert.Contains("COVERED_ACTIVE", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"INVALID_ROW\s+1", run.Error);
    }

    [Fact]
    public async Task An_xlsx_roster_reads_like_its_csv_with_date_cells_numeric_niks_and_excel_rounded_ones()
    {
        using var dir = new TempDirectory();
        var (_, members, output) = Files(dir, Roster);
        var roster = Path.Combine(dir.Path, "roster.xlsx");
        // Row 2: NIK stored as an exact number, birth date as a date cell; row 3 text cells; row 4
        // left empty; row 5: the NIK Excel rounded to 15 digits (3577014408920001 typed in).
        DomWorkbook.Write(
            roster,
            [("Pegawai", """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>7</v></c><c r="F1" t="s"><v>8</v></c><c r="G1" t="s"><v>9</v></c><c r="H1" t="s"><v>4</v></c></row>
                <row r="2"><c r="A2"><v>3577011203900001</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="1"><v>32944</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" t="s"><v>10</v></c><c r="F2" t="s"><v>11</v></c><c r="G2" t="s"><v>12</v></c><c r="H2" s="2"><v>3000000</v></c></row>
                <row r="3"><c r="A3" t="inlineStr"><is><t>3577015506850008</t></is></c><c r="B3" t="inlineStr"><is><t>Siti Aminah</t></is></c><c r="C3" s="1"><v>31213</v></c><c r="D3" t="inlineStr"><is><t>P</t></is></c><c r="E3" t="s"><v>10</v></c><c r="F3" t="s"><v>11</v></c><c r="G3" t="s"><v>12</v></c><c r="H3"><v>2500000</v></c></row>
                <row r="5"><c r="A5"><v>3577014408920000</v></c><c r="B5" t="inlineStr"><is><t>Sumarni</t></is></c><c r="C5" s="1"><v>33820</v></c><c r="D5" t="inlineStr"><is><t>P</t></is></c><c r="E5" t="s"><v>10</v></c><c r="F5" t="s"><v>11</v></c><c r="G5" t="s"><v>12</v></c><c r="H5"><v>2000000</v></c></row>
                """)],
            sharedStrings: "<si><t>No. KTP</t></si><si><t>Nama Lengkap</t></si><si><t>Tgl Lahir</t></si><si><t>L/P</t></si><si><t>Gaji</t></si><si><t>Budi Santoso</t></si><si><t>L</t></si>"
                + "<si><t>Kode Wilayah</t></si><si><t>OPD</t></si><si><t>Status Pegawai</t></si><si><t>35.77.01</t></si><si><t>RSUD</t></si><si><t>KONTRAK</t></si>",
            styles: """<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;Rp&quot; #,##0"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>""");

        var run = await CliRun.ExecuteAsync("reconcile", "--roster", roster, "--members", members, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(output, Encoding.UTF8);
        Assert.Equal(
            [
                "baris,nik,nama,hasil,kpj,metode,skor,kesenjangan",
                "2,3577011203900001,Budi Santoso,COVERED_ACTIVE,11111111111,NIK,1.000,",
                "3,3577015506850008,Siti Aminah,COVERED_ACTIVE,22222222222,NIK_REPAIRED,1.000,WAGE_UNDERREPORTED",
                "5,3.57701E+15,Sumarni,COVERED_INACTIVE,55555555555,NAME_DOB,1.000,",
            ],
            lines);
    }

    [Fact]
    public async Task An_xls_file_is_a_usage_error_asking_for_xlsx_or_csv()
    {
        using var dir = new TempDirectory();
        var (_, members, output) = Files(dir, Roster);
        var xls = Path.Combine(dir.Path, "roster.xls");
        File.WriteAllBytes(xls, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

        var run = await CliRun.ExecuteAsync("reconcile", "--roster", xls, "--members", members, "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".xls", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Report_sums_each_gap_per_instansi_with_the_monthly_contribution()
    {
        using var dir = new TempDirectory();
        var (roster, members, output) = Files(dir, Roster);
        var report = Path.Combine(dir.Path, "gaps.csv");

        var run = await CliRun.ExecuteAsync("reconcile", "--data", dir.Path, "--roster", roster, "--members", members, "--out", output, "--report", report);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = (await File.ReadAllLinesAsync(report, Encoding.UTF8)).Select(l => l.TrimStart('\uFEFF')).ToArray();
        // Siti (Dinas Kesehatan): JKK 0.24% + JKM 0.30% of 2,500,000 minus of 2,000,000 = 13,500 - 10,800.
        // Tri (Dinas PU): not registered on 2,000,000 = 10,800. Sumarni (RSUD): inactive, her card's JKK+JKM+JHT+JP
        // on 2,000,000 = 4,800 + 6,000 + 114,000 + 60,000. Agus (RSUD): JKM missing on 2,000,000 = 6,000.
        Assert.Equal(
            [
                "instansi,kesenjangan,jumlah_pekerja,iuran_bulanan",
                "Dinas Kesehatan,WAGE_UNDERREPORTED,1,2700",
                "Dinas PU,NOT_REGISTERED,1,10800",
                "RSUD,COVERED_INACTIVE,1,184800",
                "RSUD,PROGRAM_MISSING,1,6000",
                "TOTAL,,4,204300",
            ],
            lines);

        var bad = await CliRun.ExecuteAsync("reconcile", "--data", dir.Path, "--roster", roster, "--members", members, "--out", output, "--report", Path.Combine(dir.Path, "gaps.pdf"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains(".csv or .xlsx", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Require_programs_adds_to_the_program_gap()
    {
        using var dir = new TempDirectory();
        var (roster, members, output) = Files(dir, Roster);

        var run = await CliRun.ExecuteAsync("reconcile", "--roster", roster, "--members", members, "--out", output, "--require-programs", "JKK,JKM,JHT");

        Assert.Equal(0, run.ExitCode);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.EndsWith("NIK_REPAIRED,1.000,WAGE_UNDERREPORTED;PROGRAM_MISSING", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("NIK,1.000,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_column_is_a_usage_error_naming_the_column_and_its_aliases()
    {
        using var dir = new TempDirectory();
        var (roster, members, output) = Files(dir, "NIK;Nama;JK;Kode Wilayah;OPD;Kategori;Upah\n3577011203900001;Budi;L;;;;\n");

        var run = await CliRun.ExecuteAsync("reconcile", "--roster", roster, "--members", members, "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'tanggal_lahir'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Tgl Lahir", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task An_unknown_program_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var (roster, members, output) = Files(dir, Roster);
        var run = await CliRun.ExecuteAsync("reconcile", "--roster", roster, "--members", members, "--out", output, "--require-programs", "JKK,BPJS");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--require-programs", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nik_only_matches_the_exact_nik_and_leaves_the_rest_not_registered()
    {
        using var dir = new TempDirectory();
        var (roster, members, output) = Files(dir, Roster);

        var run = await CliRun.ExecuteAsync("reconcile", "--roster", roster, "--members", members, "--out", output, "--nik-only");

        Assert.Equal(0, run.ExitCode);
        // Names may hold commas (quoted), so the outcome is found by its code, not by column.
        var lines = (await File.ReadAllLinesAsync(output)).Skip(1).ToList();
        Assert.Equal(7, lines.Count);
        Assert.Contains(",COVERED_ACTIVE,11111111111,NIK,1.000,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",NOT_REGISTERED,,,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",NOT_REGISTERED,,,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",COVERED_INACTIVE,55555555555,NIK,", lines[4], StringComparison.Ordinal);
        Assert.Contains(",INVALID_ROW,", lines[6], StringComparison.Ordinal);
    }

    [Fact]
    public void Nik_only_from_files_equals_the_whole_extract_indexed()
    {
        using var dir = new TempDirectory();
        var (roster, members, _) = Files(dir, Roster);
        var today = new DateOnly(2026, 11, 25);
        var settings = ReconcileSettings.Default with { NikOnly = true };

        var streamed = ReconcileFiles.Run(roster, members, settings, today);
        var index = ReconcileFiles.ReadMembers(members, new NikValidator(AreaDirectory.Embedded), today);
        var whole = new Reconciler(index, settings).Run(ReconcileFiles.ReadRoster(roster));

        Assert.Equal(
            whole.Select(r => (r.Roster.Row, r.Outcome, r.Method, r.Score, r.Kpj, r.Gaps)),
            streamed.Select(r => (r.Roster.Row, r.Outcome, r.Method, r.Score, r.Kpj, r.Gaps)));
        Assert.Contains(streamed, r => r.Kpj == "11111111111");
    }

    private static (string Roster, string Members, string Output) Files(TempDirectory dir, string roster)
    {
        var rosterPath = Path.Combine(dir.Path, "roster.csv");
        var membersPath = Path.Combine(dir.Path, "members.csv");
        File.WriteAllText(rosterPath, roster);
        File.WriteAllText(membersPath, Members);
        return (rosterPath, membersPath, Path.Combine(dir.Path, "result.csv"));
    }
}
