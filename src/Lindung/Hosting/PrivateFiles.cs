namespace Lindung.Hosting;

/// <summary>
/// Folders and files the app creates: the data folder (SQLite database, uploads, import reports,
/// the keys that sign sign-in cookies) and the files verbs write (results, reports) hold NIKs,
/// wages and secrets, so on Unix a folder is created 0700 and a file 0600, whatever the umask:
/// other accounts on the machine read nothing. The mode is given at creation, so there is no
/// moment when the file is readable by others; folders and files that already exist keep theirs.
/// On Windows the folder inherits the user profile's ACL, as before.
/// </summary>
internal static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parents (each 0700 on Unix); an existing folder is left as it is.</summary>
    public static DirectoryInfo CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; parents would get the umask's.
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } parent && !Directory.Exists(parent))
        {
            CreateFolder(parent);
        }

        return Directory.CreateDirectory(full, FolderMode);
    }

    /// <summary>Opens <paramref name="path"/> like <see cref="File.Create(string)"/> (read and write, so zip and PDF writers may seek back), creating it 0600 on Unix when it does not exist.</summary>
    public static FileStream Create(string path, System.IO.FileMode mode = System.IO.FileMode.Create, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        var settings = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = bufferSize, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            settings.UnixCreateMode = FileMode;
        }

        return new FileStream(path, settings);
    }

    /// <summary>
    /// An empty file at <paramref name="path"/> unless one exists. SQLite opens an empty file as an
    /// empty database and gives its journal and WAL files the database file's mode, so creating it
    /// here first keeps them private too.
    /// </summary>
    public static void Touch(string path)
    {
        try
        {
            Create(path, System.IO.FileMode.CreateNew).Dispose();
        }
        catch (IOException) when (File.Exists(path))
        {
            // Already there (or made by another process in the meantime): its mode is kept.
        }
    }
}
