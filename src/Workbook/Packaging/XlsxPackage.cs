using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ComplianceReport.Workbook.Packaging;

/// <summary>
/// A forward-only OPC package over a <see cref="ZipArchive"/> in create mode. The SDK's own
/// package (System.IO.Packaging) opens the zip in update mode on .NET, which keeps every part in
/// memory until it is saved; writing the zip ourselves keeps memory flat and also accepts
/// non-seekable destinations. Parts are written one at a time; relationships and content types,
/// which are only known at the end, are written by <see cref="Complete"/>.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private const string PackageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";

    private readonly ZipArchive _zip;
    private readonly List<KeyValuePair<string, string>> _contentTypes = [];
    private readonly Dictionary<string, List<Relationship>> _relationships = new(StringComparer.Ordinal);

    public XlsxPackage(Stream destination)
    {
        _zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    }

    /// <summary>Opens a new part for writing; dispose the stream before creating the next one.</summary>
    /// <param name="partName">The part's path inside the zip, without a leading slash.</param>
    public Stream CreatePart(string partName, string contentType)
    {
        _contentTypes.Add(new KeyValuePair<string, string>("/" + partName, contentType));

        // Fastest: the XML is very repetitive, so level 1 already compresses well, and the
        // default level would make deflate the bottleneck of a million-row workbook.
        return _zip.CreateEntry(partName, CompressionLevel.Fastest).Open();
    }

    /// <summary>Records a relationship from <paramref name="sourcePart"/> ("" for the package) and returns its id.</summary>
    public string Relate(string sourcePart, string targetPart, string type)
    {
        var list = RelationshipsOf(sourcePart);
        var id = "rId" + (list.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        list.Add(new Relationship(id, RelativeTarget(sourcePart, targetPart), type));
        return id;
    }

    /// <summary>Records a relationship to an address outside the package (TargetMode External) and returns its id.</summary>
    public string RelateExternal(string sourcePart, string uri, string type)
    {
        var list = RelationshipsOf(sourcePart);
        var id = "rId" + (list.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        list.Add(new Relationship(id, uri, type, External: true));
        return id;
    }

    /// <summary>Writes the relationship parts and [Content_Types].xml; the zip is finished on dispose.</summary>
    public void Complete()
    {
        foreach (var (source, relationships) in _relationships)
        {
            using var stream = _zip.CreateEntry(RelationshipsPartName(source), CompressionLevel.Fastest).Open();
            using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("Relationships", PackageRelationshipNamespace);
            foreach (var relationship in relationships)
            {
                xml.WriteStartElement("Relationship", PackageRelationshipNamespace);
                xml.WriteAttributeString("Id", relationship.Id);
                xml.WriteAttributeString("Type", relationship.Type);
                xml.WriteAttributeString("Target", relationship.Target);
                if (relationship.External)
                {
                    xml.WriteAttributeString("TargetMode", "External");
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        using (var stream = _zip.CreateEntry("[Content_Types].xml", CompressionLevel.Fastest).Open())
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument(standalone: true);
            xml.WriteStartElement("Types", ContentTypesNamespace);
            xml.WriteStartElement("Default", ContentTypesNamespace);
            xml.WriteAttributeString("Extension", "rels");
            xml.WriteAttributeString("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
            xml.WriteEndElement();
            xml.WriteStartElement("Default", ContentTypesNamespace);
            xml.WriteAttributeString("Extension", "xml");
            xml.WriteAttributeString("ContentType", "application/xml");
            xml.WriteEndElement();
            foreach (var (partName, contentType) in _contentTypes)
            {
                xml.WriteStartElement("Override", ContentTypesNamespace);
                xml.WriteAttributeString("PartName", partName);
                xml.WriteAttributeString("ContentType", contentType);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }

    public void Dispose() => _zip.Dispose();

    private List<Relationship> RelationshipsOf(string sourcePart)
    {
        if (!_relationships.TryGetValue(sourcePart, out var list))
        {
            list = [];
            _relationships.Add(sourcePart, list);
        }

        return list;
    }

    private static string RelationshipsPartName(string sourcePart)
    {
        var slash = sourcePart.LastIndexOf('/');
        return slash < 0
            ? "_rels/" + sourcePart + ".rels"
            : sourcePart[..(slash + 1)] + "_rels/" + sourcePart[(slash + 1)..] + ".rels";
    }

    private static string RelativeTarget(string sourcePart, string targetPart)
    {
        var sourceDirs = sourcePart.Split('/')[..^1];
        var targetSegments = targetPart.Split('/');
        var common = 0;
        while (common < sourceDirs.Length && common < targetSegments.Length - 1 && sourceDirs[common] == targetSegments[common])
        {
            common++;
        }

        var ups = Enumerable.Repeat("..", sourceDirs.Length - common);
        return string.Join('/', ups.Concat(targetSegments[common..]));
    }

    private sealed record Relationship(string Id, string Target, string Type, bool External = false);
}
