using System.Text;

namespace ComplianceReport.Delivery.Jira.Content;

/// <summary>
/// Renders ticket blocks as Jira wiki markup (Data Center, REST v2). Text is escaped character by
/// character so an account or rule name cannot open a macro, link, table or emphasis.
/// </summary>
internal static class WikiRenderer
{
    // Characters that start or end wiki markup. A backslash escapes them; a backslash itself
    // cannot be escaped that way ("\\" is a line break), so it becomes an HTML entity.
    private const string MarkupChars = "*_+-^~?{}[]|!#";

    public static string Render(IReadOnlyList<TicketBlock> blocks)
    {
        var builder = new StringBuilder();
        foreach (var block in blocks)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            switch (block)
            {
                case HeadingBlock heading:
                    builder.Append("h3. ").Append(Escape(heading.Text));
                    break;
                case ParagraphBlock paragraph:
                    AppendInlines(builder, paragraph.Inlines);
                    break;
                case BulletListBlock list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        builder.Append(i == 0 ? "* " : "\n* ");
                        AppendInlines(builder, list.Items[i]);
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(blocks), block.GetType().Name, "Unknown ticket block.");
            }
        }

        return builder.ToString();
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\\')
            {
                builder.Append("&#92;");
            }
            else if (c is '\r' or '\n')
            {
                builder.Append(' ');
            }
            else
            {
                if (MarkupChars.Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void AppendInlines(StringBuilder builder, IReadOnlyList<TicketInline> inlines)
    {
        foreach (var inline in inlines)
        {
            if (inline.Text.Length == 0)
            {
                continue;
            }

            var text = Escape(inline.Text);
            if (inline.Href is not null && IsSafeHref(inline.Href))
            {
                builder.Append('[').Append(text).Append('|').Append(inline.Href).Append(']');
            }
            else if (inline.Code)
            {
                builder.Append("{{").Append(text).Append("}}");
            }
            else if (inline.Strong)
            {
                builder.Append('*').Append(text).Append('*');
            }
            else
            {
                builder.Append(text);
            }
        }
    }

    // A link target ends at '|' or ']' and breaks on whitespace; anything else is shown as text.
    private static bool IsSafeHref(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !href.Any(c => char.IsWhiteSpace(c) || c is '|' or ']' or '[' or '{' or '}');
}
