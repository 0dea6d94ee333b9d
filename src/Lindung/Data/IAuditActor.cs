namespace Lindung.Data;

/// <summary>Who is making the change being saved; recorded on every <see cref="Entities.AuditEvent"/>.</summary>
internal interface IAuditActor
{
    string Name { get; }
}

/// <summary>The actor for batch verbs and startup work; the web layer replaces it with the signed-in user.</summary>
internal sealed class SystemAuditActor : IAuditActor
{
    public const string SystemName = "system";

    public string Name => SystemName;
}

/// <summary>
/// The user a background job acts for (who asked for a reconciliation run), set by the worker in the
/// job's own scope, so the job's changes are audited under their name rather than "system".
/// </summary>
internal sealed class JobAuditActor
{
    public string? Name { get; set; }
}
