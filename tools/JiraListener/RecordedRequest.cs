using System.Collections.Specialized;
using System.Text;

namespace ComplianceReport.JiraListener;

public sealed record RecordedRequest(string Method, string Path, NameValueCollection Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers[name];
}
