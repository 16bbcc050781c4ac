using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Reliability.Tests.Support;

/// <summary>Looks for credentials where they must never be: logs, grain state, workbooks, tickets.</summary>
public static partial class SecretScan
{
    /// <summary>Throws naming the place and the kind of secret found (never the secret itself).</summary>
    public static void AssertClean(string where, string text, params string[] secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length >= 4))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                Assert.Fail($"{where} contains a configured secret ({secret[..4]}…)");
            }
        }

        if (SessionKeyId().Match(text) is { Success: true } key)
        {
            Assert.Fail($"{where} contains an assumed-role access key id ({key.Value[..8]}…)");
        }

        Assert.False(text.Contains(SessionTokenPrefix, StringComparison.Ordinal), $"{where} contains an assumed-role session token");
        Assert.False(text.Contains(SimulatorOptions.DefaultHubSecret, StringComparison.Ordinal), $"{where} contains the hub secret");
    }

    /// <summary>The simulator's session tokens all start like real STS tokens do.</summary>
    public const string SessionTokenPrefix = "FwoGZXIvYXdzE";

    /// <summary>Every item of a table as text: grain state payloads decompressed, chunks joined.</summary>
    public static async Task<List<(string Key, string Text)>> TableTextAsync(AmazonDynamoDBClient client, string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            items.AddRange(page.Items);
            start = page.LastEvaluatedKey is { Count: > 0 } ? page.LastEvaluatedKey : null;
        }
        while (start is not null);

        var texts = new List<(string, string)>();
        foreach (var item in items)
        {
            var key = string.Join("/", item.Where(a => a.Value.S is not null).Select(a => $"{a.Key}={a.Value.S}"));
            var text = new StringBuilder(key);
            foreach (var (_, value) in item)
            {
                if (value.B is not null)
                {
                    var bytes = value.B.ToArray();
                    text.Append('\n').Append(Encoding.UTF8.GetString(TryDecompress(bytes) ?? bytes));
                }
                else if (value.N is not null)
                {
                    text.Append('\n').Append(value.N);
                }
            }

            texts.Add((key, text.ToString()));
        }

        // Chunked state: the chunks of one generation, joined in order, make one compressed payload.
        foreach (var group in items.Where(i => i.TryGetValue("StateKey", out var s) && s.S?.Count(c => c == '#') == 2 && i.ContainsKey("Data"))
                     .GroupBy(i => (i["GrainKey"].S, i["StateKey"].S[..(i["StateKey"].S.LastIndexOf('#') + 1)])))
        {
            var joined = group.OrderBy(i => i["StateKey"].S, StringComparer.Ordinal).SelectMany(i => i["Data"].B.ToArray()).ToArray();
            if (TryDecompress(joined) is { } state)
            {
                texts.Add(($"{group.Key.Item1}/{group.Key.Item2}", Encoding.UTF8.GetString(state)));
            }
        }

        return texts;
    }

    /// <summary>An xlsx (a zip of XML parts) as one text.</summary>
    public static string WorkbookText(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static byte[]? TryDecompress(byte[] bytes)
    {
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var output = new MemoryStream();
            brotli.CopyTo(output);
            return output.Length > 0 ? output.ToArray() : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    [GeneratedRegex("ASIA[A-Z2-7]{16}")]
    private static partial Regex SessionKeyId();
}
