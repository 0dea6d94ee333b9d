namespace Lindung.Data.Entities;

/// <summary>
/// A worker's job at exactly one agency or one employer (a check constraint enforces the
/// either-or). Versioned: see <see cref="IHistorical"/>.
/// </summary>
internal sealed class Employment : IRegionScoped, IHistorical
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid WorkerId { get; set; }

    public Worker? Worker { get; set; }

    public Guid? AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public Guid? EmployerId { get; set; }

    public Employer? Employer { get; set; }

    public WorkerCategory Category { get; set; }

    public string? Position { get; set; }

    /// <summary>Monthly wage in whole rupiah.</summary>
    public long MonthlyWage { get; set; }

    public FundingSource FundingSource { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The import batch that inserted this version; null when entered by hand. Undoing that batch removes it.</summary>
    public Guid? ImportBatchId { get; set; }

    /// <summary>Region of the workplace (the agency's or employer's regency).</summary>
    public required string RegionCode { get; set; }
}
