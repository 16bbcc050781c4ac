using System.IO.Compression;

namespace ComplianceReport.DynamoDb.Storage;

/// <summary>
/// Compresses serialized state and cuts it into pieces that fit DynamoDB items (400 KB each,
/// names included), and puts it back together.
/// </summary>
internal static class StatePayload
{
    /// <summary>Largest payload kept inside the head item, and the size of each chunk item.</summary>
    public const int MaxPieceBytes = 350 * 1024;

    public const string Brotli = "br";

    public static byte[] Compress(ReadOnlySpan<byte> serialized)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(serialized);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(Stream compressed, string encoding)
    {
        if (encoding != Brotli)
        {
            throw new InvalidDataException($"Unknown grain state encoding '{encoding}'.");
        }

        using var brotli = new BrotliStream(compressed, CompressionMode.Decompress);
        using var output = new MemoryStream();
        brotli.CopyTo(output);
        return output.ToArray();
    }

    public static IEnumerable<ReadOnlyMemory<byte>> Split(byte[] payload)
    {
        for (var offset = 0; offset < payload.Length; offset += MaxPieceBytes)
        {
            yield return payload.AsMemory(offset, Math.Min(MaxPieceBytes, payload.Length - offset));
        }
    }
}
