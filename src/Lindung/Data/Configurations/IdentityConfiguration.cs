using Lindung.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Data.Configurations;

/// <summary>Identity tables without the AspNet prefix, the user's scope, and the seeded roles.</summary>
internal static class IdentityConfiguration
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<LindungUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.PreferredLanguage).HasMaxLength(8);
            user.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<IdentityRole>(role =>
        {
            role.ToTable("roles");
            // Fixed ids and stamps: seed data must be identical in every model build.
            role.HasData(LindungRoles.All.Select(name => new IdentityRole
            {
                Id = SnakeCase.Lower(name),
                Name = name,
                NormalizedName = name.ToUpperInvariant(),
                ConcurrencyStamp = SnakeCase.Lower(name),
            }));
        });
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
    }
}
