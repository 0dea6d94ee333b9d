using Lindung.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lindung.Data;

/// <summary>
/// Rules every table follows, applied after the entity configurations so both providers get the
/// same schema: region code indexed and shaped, enums as readable codes, UTC timestamps, snake_case.
/// </summary>
internal static class ModelConventions
{
    private static readonly ValueConverter<DateTime, DateTime> Utc =
        new(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static void Apply(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            if (typeof(IRegionScoped).IsAssignableFrom(entityType.ClrType))
            {
                AddRegionCode(builder, entityType);
            }

            foreach (var property in entityType.GetProperties())
            {
                ConvertValues(property);
            }
        }

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            NameInSnakeCase(entityType);
        }
    }

    private static void AddRegionCode(ModelBuilder builder, IMutableEntityType entityType)
    {
        var entity = builder.Entity(entityType.ClrType);
        var table = entityType.GetTableName();
        entity.Property(nameof(IRegionScoped.RegionCode)).HasMaxLength(13);
        // At least the regency/city: PP.KK, optionally .CC and .DDDD below it.
        entity.ToTable(t => t.HasCheckConstraint($"ck_{table}_region_code", "region_code LIKE '__.__%'"));
        var indexed = entityType.GetIndexes().Any(i => i.Properties[0].Name == nameof(IRegionScoped.RegionCode));
        if (!indexed)
        {
            entity.HasIndex(nameof(IRegionScoped.RegionCode));
        }
    }

    private static void ConvertValues(IMutableProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type.IsEnum)
        {
            var converterType = typeof(EnumCodeConverter<>).MakeGenericType(type);
            property.SetValueConverter((ValueConverter)Activator.CreateInstance(converterType)!);
            property.SetMaxLength((int)typeof(EnumCodes<>).MakeGenericType(type).GetProperty(nameof(EnumCodes<>.MaxLength))!.GetValue(null)!);
        }
        else if (type == typeof(DateTime))
        {
            property.SetValueConverter(Utc);
        }
    }

    private static void NameInSnakeCase(IMutableEntityType entityType)
    {
        foreach (var property in entityType.GetProperties())
        {
            property.SetColumnName(SnakeCase.Lower(property.Name));
        }

        foreach (var key in entityType.GetKeys())
        {
            key.SetName(key.GetDefaultName()?.ToLowerInvariant());
        }

        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            foreignKey.SetConstraintName(foreignKey.GetDefaultName()?.ToLowerInvariant());
        }

        foreach (var index in entityType.GetIndexes())
        {
            index.SetDatabaseName(index.GetDatabaseName()?.ToLowerInvariant());
        }
    }
}
