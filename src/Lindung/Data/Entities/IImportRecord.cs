
namespace Lindung.Data.Entities;

/// <summary>An import job or batch: what its scope is read from (the region, and for a roster the agency).</summary>
internal interface IImportRecord : IRegionScoped
{
    ImportKind Kind { get; }

    Guid? AgencyId { get; }
}
