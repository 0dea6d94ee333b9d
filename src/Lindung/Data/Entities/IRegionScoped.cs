namespace Lindung.Data.Entities;

/// <summary>
/// A row that belongs to a region. <see cref="RegionCode"/> is a Kemendagri code of at least the
/// regency/city level (<c>PP.KK</c>, e.g. <c>35.77</c>); it is what access scopes filter on and the
/// distribution column when the tables are sharded (Citus).
/// </summary>
internal interface IRegionScoped
{
    string RegionCode { get; }
}
