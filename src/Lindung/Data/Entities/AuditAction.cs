namespace Lindung.Data.Entities;

internal enum AuditAction
{
    Create,
    Update,
    Delete,
}
