using System.Text.Json.Nodes;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Delivery.Jira.Content;
using ComplianceReport.Delivery.Tests.Support;

namespace ComplianceReport.Delivery.Tests.Jira;

public sealed class TicketRenderingTests : IDisposable
{
    private const string Hostile = """*bold* {code} [link|http://x] {"type":"mention"} \\ _u_ !img.png! h1. x""";

    private readonly TestArtifacts _files = new();

    [Fact]
    public void Wiki_text_escapes_every_markup_character_of_AWS_strings()
    {
        var escaped = WikiRenderer.Escape(Hostile);

        Assert.Equal("""\*bold\* \{code\} \[link\|http://x\] \{"type":"mention"\} &#92;&#92; \_u\_ \!img.png\! h1. x""", escaped);
    }

    [Fact]
    public void Wiki_description_keeps_one_bullet_per_line_whatever_the_account_name_holds()
    {
        var artifact = _files.Create([1, 2, 3], accountName: "evil\nh1. Injected\n* fake bullet\r\n{code}");
        var content = TicketContentBuilder.Build(artifact, JiraSinkHarness.S3Result(), "Attached.");

        var wiki = WikiRenderer.Render(content.Description);

        Assert.DoesNotContain("\nh1.", wiki, StringComparison.Ordinal);
        Assert.DoesNotContain("\n* fake", wiki, StringComparison.Ordinal);
        Assert.DoesNotContain("{code}", wiki, StringComparison.Ordinal);
        Assert.Contains(@"evil h1. Injected \* fake bullet  \{code\}", wiki, StringComparison.Ordinal);
    }

    [Fact]
    public void Adf_keeps_hostile_text_inside_text_nodes()
    {
        var artifact = _files.Create([1, 2, 3], accountName: Hostile);
        var content = TicketContentBuilder.Build(artifact, null, "Attached.");

        var doc = AdfRenderer.Render(content.Description);

        Assert.Equal(1, doc["version"]!.GetValue<int>());
        Assert.Equal("doc", doc["type"]!.GetValue<string>());
        var types = new HashSet<string>();
        Collect(doc, types);
        Assert.Subset(new HashSet<string> { "doc", "heading", "paragraph", "bulletList", "listItem", "text", "strong", "code" }, types);
        Assert.DoesNotContain("mention", types);
    }

    [Fact]
    public void Long_AWS_strings_are_capped()
    {
        var artifact = _files.Create([1], accountName: new string('N', 5000), annotation: new string('A', 50_000));
        var content = TicketContentBuilder.Build(artifact, null, "Attached.");

        var wiki = WikiRenderer.Render(content.Description);

        Assert.True(wiki.Length < 8000, $"description of {wiki.Length} characters");
        Assert.DoesNotContain(new string('N', 81), wiki, StringComparison.Ordinal);
        Assert.Contains(new string('N', 80) + "…", wiki, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_and_summary_read_like_the_issue_asks()
    {
        var created = _files.Create([1]);
        var artifact = created with
        {
            Summary = created.Summary with { Totals = TestArtifacts.Totals() with { CompliancePercent = 0.80, PreviousCompliancePercent = 0.85, NonCompliantResources = 1, AccountsWithFindings = 1 } },
        };

        var content = TicketContentBuilder.Build(artifact, null, "Attached.");

        Assert.Equal("AWS Config compliance 2026-W48: 1 non-compliant resource in 1 of 300 accounts", content.Summary);
        Assert.Contains("80.0% (down 5.0 points from 85.0% in the previous scheduled run).", WikiRenderer.Render(content.Description), StringComparison.Ordinal);
        Assert.Equal(["aws-config-compliance", "compliance-report-2026-W48"], content.Labels);
    }

    [Fact]
    public void On_demand_runs_get_their_own_sanitized_label()
    {
        var run = TestArtifacts.ScheduledRun() with { RunId = "manual run/7 ü", Trigger = RunTrigger.OnDemand };

        Assert.Equal("2026-W48-manual-run-7", RunNaming.RunLabel(run));
        Assert.Equal("compliance-report-2026-W48-manual-run-7", TicketContentBuilder.RunLabelFor(RunNaming.RunLabel(run)));
    }

    public void Dispose() => _files.Dispose();

    private static void Collect(JsonNode? node, HashSet<string> types)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is JsonValue type)
            {
                types.Add(type.GetValue<string>());
            }

            Collect(obj["content"], types);
            Collect(obj["marks"], types);
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Collect(child, types);
            }
        }
    }
}
