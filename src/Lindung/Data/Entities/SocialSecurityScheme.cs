namespace Lindung.Data.Entities;

/// <summary>Which scheme covers the worker: ASN and PPPK are covered by Taspen, not BPJS Ketenagakerjaan.</summary>
internal enum SocialSecurityScheme
{
    BpjsTk,
    Taspen,
    None,
}
