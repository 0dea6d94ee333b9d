namespace Lindung.Features.Imports;

/// <summary>Settings of web imports, from the <c>Imports</c> configuration section.</summary>
internal sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest upload accepted, in bytes (default 200 MB: a province's roster as CSV).</summary>
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>How many jobs run at once. One by default: an import holds one long transaction.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Jobs waiting beyond this many are refused, so a flood of uploads cannot pile up without end.</summary>
    public int QueueCapacity { get; set; } = 100;

    /// <summary>Progress reaches the job row at most this often.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the upload of a finished job is kept (for a look at what was imported) before it is deleted.</summary>
    public TimeSpan UploadRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often uploads past their retention are looked for.</summary>
    public TimeSpan UploadSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
