namespace Lindung.Domain.Rosters;

/// <summary>
/// The five BPJS Ketenagakerjaan programs as a compact set: what an extract lists for a member and
/// what the registry stores on a membership (as <c>JKK,JKM,JHT</c>).
/// </summary>
[Flags]
public enum ProgramSet : byte
{
    None = 0,
    Jkk = 1,
    Jkm = 2,
    Jht = 4,
    Jp = 8,
    Jkp = 16,
}
