using Lindung.Features.Imports;

namespace Lindung.Tests.Features.Imports;

/// <summary>A failed job keeps its error whole: long details are shortened inside the messages, never by cutting the JSON.</summary>
public sealed class StoredErrorTests
{
    [Fact]
    public void A_long_reason_is_shortened_inside_the_messages_and_reads_back()
    {
        var reason = "kolom 'ñama' tidak dikenal; " + string.Concat(Enumerable.Repeat("NAMA PEGAWAI HONORER, ", 300));
        var stored = ImportFileErrors.Store(ImportFileErrors.Refused(reason));

        Assert.True(stored.Length <= ImportFileErrors.StoredLength, $"{stored.Length} characters");
        var loaded = ImportFileErrors.Load(stored)!;
        Assert.Equal("refused", loaded.Code);
        Assert.StartsWith("Impor ditolak, tidak ada data yang tersimpan: kolom 'ñama' tidak dikenal", loaded.MessageId, StringComparison.Ordinal);
        Assert.EndsWith("…", loaded.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_error_is_kept_as_it_is_and_a_cut_row_from_before_reads_as_unexpected()
    {
        var refused = ImportFileErrors.Refused("agency OPD-9 not found");
        Assert.Equal(refused, ImportFileErrors.Load(ImportFileErrors.Store(refused)));
        Assert.Equal(ImportFileErrors.Interrupted.Code, ImportFileErrors.Store(ImportFileErrors.Interrupted));

        Assert.Equal(ImportFileErrors.Unexpected, ImportFileErrors.Load("""{"Code":"refused","MessageId":"Impor ditolak, tidak ada data yang ters"""));
    }
}
