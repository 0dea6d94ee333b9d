using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Lindung.Features.Imports;

/// <summary>
/// Version 7 GUIDs (RFC 9562: Unix milliseconds, then random bits) for the rows of one import,
/// the layout <see cref="Guid.CreateVersion7()"/> gives. The random bits come from one buffer filled
/// by the system's generator every few hundred ids: <see cref="Guid.CreateVersion7()"/> asks the
/// kernel once per id, two calls per roster row. One instance per import thread.
/// </summary>
internal sealed class ImportIds
{
    private const int RandomBytesPerId = 10;
    private const int IdsPerFill = 512;
    private readonly byte[] _random = new byte[RandomBytesPerId * IdsPerFill];

    // Starts past the end: the first id fills the buffer.
    private int _next = RandomBytesPerId * IdsPerFill;

    public Guid Next()
    {
        if (_next + RandomBytesPerId > _random.Length)
        {
            RandomNumberGenerator.Fill(_random);
            _next = 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteInt64BigEndian(bytes[..8], milliseconds << 16);
        _random.AsSpan(_next, RandomBytesPerId).CopyTo(bytes[6..]);
        _next += RandomBytesPerId;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
