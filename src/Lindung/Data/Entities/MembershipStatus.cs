namespace Lindung.Data.Entities;

internal enum MembershipStatus
{
    Active,
    Inactive,
}
