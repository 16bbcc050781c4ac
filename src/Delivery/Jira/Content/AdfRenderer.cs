using System.Text.Json.Nodes;

namespace ComplianceReport.Delivery.Jira.Content;

/// <summary>
/// Renders ticket blocks as an Atlassian Document Format document (Jira Cloud, REST v3). Every piece
/// of text becomes the value of a text node, so no input can add nodes, marks or links.
/// </summary>
internal static class AdfRenderer
{
    public static JsonObject Render(IReadOnlyList<TicketBlock> blocks)
    {
        var content = new JsonArray();
        foreach (var block in blocks)
        {
            content.Add(RenderBlock(block));
        }

        return new JsonObject
        {
            ["version"] = 1,
            ["type"] = "doc",
            ["content"] = content,
        };
    }

    private static JsonObject RenderBlock(TicketBlock block) => block switch
    {
        HeadingBlock heading => new JsonObject
        {
            ["type"] = "heading",
            ["attrs"] = new JsonObject { ["level"] = 3 },
            ["content"] = RenderInlines([new TicketInline(heading.Text)]),
        },
        ParagraphBlock paragraph => Paragraph(paragraph.Inlines),
        BulletListBlock list => new JsonObject
        {
            ["type"] = "bulletList",
            ["content"] = new JsonArray(list.Items
                .Select(item => (JsonNode)new JsonObject
                {
                    ["type"] = "listItem",
                    ["content"] = new JsonArray(Paragraph(item)),
                })
                .ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown ticket block."),
    };

    private static JsonObject Paragraph(IReadOnlyList<TicketInline> inlines) => new()
    {
        ["type"] = "paragraph",
        ["content"] = RenderInlines(inlines),
    };

    private static JsonArray RenderInlines(IReadOnlyList<TicketInline> inlines)
    {
        var nodes = new JsonArray();
        foreach (var inline in inlines)
        {
            // ADF rejects empty text nodes.
            if (inline.Text.Length == 0)
            {
                continue;
            }

            var node = new JsonObject { ["type"] = "text", ["text"] = inline.Text };
            var marks = new JsonArray();
            if (inline.Code)
            {
                marks.Add(new JsonObject { ["type"] = "code" });
            }
            else if (inline.Strong)
            {
                marks.Add(new JsonObject { ["type"] = "strong" });
            }

            if (inline.Href is not null)
            {
                marks.Add(new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = inline.Href } });
            }

            if (marks.Count > 0)
            {
                node["marks"] = marks;
            }

            nodes.Add(node);
        }

        return nodes;
    }
}
