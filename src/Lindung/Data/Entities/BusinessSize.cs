namespace Lindung.Data.Entities;

internal enum BusinessSize
{
    Micro,
    Small,
    Medium,
    Large,
}
