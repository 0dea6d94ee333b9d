using System.Security.Claims;

namespace Lindung.Security;

/// <summary>
/// A principal that reads its <see cref="AccessScope"/> from its claims once. An API key's
/// principal is one: it is built when the key's row is cached and serves every request of that
/// key until the entry expires, so a busy client's requests parse no claims and allocate no scope.
/// Its claims are never changed after it is built.
/// </summary>
internal sealed class ScopedPrincipal(ClaimsIdentity identity) : ClaimsPrincipal(identity)
{
    public AccessScope Scope => field ??= AccessScope.Read(this);
}
