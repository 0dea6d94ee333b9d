namespace Lindung.Data.Entities;

/// <summary>
/// What a roster file says about the agency's staff. <see cref="Update"/> (the default) adds and
/// updates the people on it and never ends anyone; <see cref="Replace"/> declares the file the
/// agency's whole staff, so open jobs of people missing from it are ended.
/// </summary>
internal enum RosterMode
{
    Update,
    Replace,
}
