namespace Lindung.Data.Entities;

/// <summary>BPJS Ketenagakerjaan participant segment.</summary>
internal enum MembershipSegment
{
    Pu,
    Bpu,
    Jakon,
    Pmi,
}
