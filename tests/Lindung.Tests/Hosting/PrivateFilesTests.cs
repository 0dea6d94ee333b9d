using Lindung.Features.Imports;
using Lindung.Hosting;
using Lindung.Tests.Cli;
using Lindung.Tests.Features.Imports;
using Lindung.Tests.Infrastructure;

namespace Lindung.Tests.Hosting;

/// <summary>On Unix the data folder and what the app writes are the owner's alone (0700 folders, 0600 files), whatever the umask.</summary>
public class PrivateFilesTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void Folders_and_files_are_created_owner_only_and_existing_ones_keep_their_mode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var nested = Path.Combine(temp.Path, "a", "b");
        PrivateFiles.CreateFolder(nested);
        Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(temp.Path, "a")));
        Assert.Equal(Folder, File.GetUnixFileMode(nested));

        var file = Path.Combine(nested, "result.csv");
        PrivateFiles.Create(file).Dispose();
        Assert.Equal(Owner, File.GetUnixFileMode(file));

        var shared = Path.Combine(temp.Path, "shared.db");
        File.WriteAllText(shared, string.Empty);
        File.SetUnixFileMode(shared, Owner | UnixFileMode.GroupRead);
        PrivateFiles.Touch(shared);
        Assert.Equal(Owner | UnixFileMode.GroupRead, File.GetUnixFileMode(shared));
    }

    [Fact]
    public async Task A_fresh_data_folder_its_database_and_an_imports_reports_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        var data = Path.Combine(temp.Path, "new", "data");
        var file = ImportCsv.Write(temp.Path, "members.csv", ImportCsv.MembersHeader, [ImportCsv.MemberLine(1, "12345678901").Replace("2500000", "1e309", StringComparison.Ordinal)]);

        var run = await CliRun.ExecuteAsync(["--data", data, "import", "members", file]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(Folder, File.GetUnixFileMode(data));
        Assert.Equal(Owner, File.GetUnixFileMode(Path.Combine(data, "lindung.db")));
        var reports = Directory.GetFiles(Path.Combine(data, "imports"), "report.*", SearchOption.AllDirectories);
        Assert.Equal(2, reports.Length);
        foreach (var report in reports)
        {
            Assert.Equal(Owner, File.GetUnixFileMode(report));
        }

        Assert.Equal(Folder, File.GetUnixFileMode(Path.GetDirectoryName(reports[0])!));
        Assert.Contains($"2,upah_dilaporkan,{ImportCsv.NikOf(1)},Pekerja 1,WAGE_INVALID,", await File.ReadAllTextAsync(reports.Single(r => r.EndsWith(".csv", StringComparison.Ordinal))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_is_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var temp = new TempDirectory();
        using var content = new MemoryStream("nik,nama\n"u8.ToArray());

        var (upload, error) = await ImportUploads.SaveAsync(content, "roster.csv", temp.Path, 1 << 20, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(Owner, File.GetUnixFileMode(ImportFiles.Full(temp.Path, upload!.StoredPath)));
    }
}
