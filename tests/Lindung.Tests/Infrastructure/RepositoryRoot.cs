namespace Lindung.Tests.Infrastructure;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Lindung.slnx.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Lindung.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lindung.slnx not found above " + AppContext.BaseDirectory);
    }
}
