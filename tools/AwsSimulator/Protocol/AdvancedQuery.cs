using System.Text;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// The subset of AWS Config's advanced query language the simulator answers, parsed strictly:
/// <c>SELECT f1, f2 WHERE c1 AND c2</c> over <c>AWS::Config::ResourceCompliance</c>, where each
/// condition is <c>field = 'literal'</c>. Anything else (OR, IN, LIKE, functions, GROUP BY, other
/// resource types, unknown fields) is an InvalidExpressionException. A condition on a member of
/// <c>configuration.configRuleList</c> matches when any element matches, each condition on its own,
/// as AWS evaluates array conditions.
/// </summary>
internal sealed record AdvancedQuery(IReadOnlyList<string> Fields, IReadOnlyList<KeyValuePair<string, string>> Conditions)
{
    public const string ComplianceResourceType = "AWS::Config::ResourceCompliance";

    public static readonly IReadOnlySet<string> SelectableFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "accountId", "awsRegion", "resourceType", "configurationItemCaptureTime",
        "configuration.targetResourceId", "configuration.targetResourceType", "configuration.complianceType",
        "configuration.configRuleList", "configuration.configRuleList.configRuleName", "configuration.configRuleList.complianceType",
    };

    public static readonly IReadOnlySet<string> FilterableFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "resourceType", "accountId", "awsRegion", "configuration.targetResourceId", "configuration.targetResourceType",
        "configuration.complianceType", "configuration.configRuleList.configRuleName", "configuration.configRuleList.complianceType",
    };

    public static AdvancedQuery Parse(string expression)
    {
        var tokens = Tokenize(expression);
        var position = 0;
        Expect(tokens, ref position, "SELECT");
        var fields = new List<string>();
        do
        {
            var field = Identifier(tokens, ref position);
            if (!SelectableFields.Contains(field))
            {
                throw Invalid($"the field '{field}' cannot be selected here");
            }

            fields.Add(field);
        }
        while (TryTake(tokens, ref position, ","));

        var conditions = new List<KeyValuePair<string, string>>();
        if (TryTakeKeyword(tokens, ref position, "WHERE"))
        {
            do
            {
                var field = Identifier(tokens, ref position);
                if (!FilterableFields.Contains(field))
                {
                    throw Invalid($"the field '{field}' cannot be filtered on here");
                }

                Expect(tokens, ref position, "=");
                conditions.Add(new(field, Literal(tokens, ref position)));
            }
            while (TryTakeKeyword(tokens, ref position, "AND"));
        }

        if (position != tokens.Count)
        {
            throw Invalid($"unexpected '{tokens[position].Text}'");
        }

        if (!conditions.Any(c => c.Key == "resourceType" && c.Value == ComplianceResourceType))
        {
            throw Invalid($"this simulator answers queries with resourceType = '{ComplianceResourceType}' only");
        }

        return new AdvancedQuery(fields, conditions);
    }

    private static List<(string Text, bool Quoted)> Tokenize(string expression)
    {
        var tokens = new List<(string, bool)>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is ',' or '=')
            {
                tokens.Add((c.ToString(), false));
                i++;
            }
            else if (c == '\'')
            {
                var end = expression.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw Invalid("a string literal is not closed");
                }

                tokens.Add((expression[(i + 1)..end], true));
                i = end + 1;
            }
            else if (char.IsAsciiLetter(c))
            {
                var word = new StringBuilder();
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '.'))
                {
                    word.Append(expression[i++]);
                }

                tokens.Add((word.ToString(), false));
            }
            else
            {
                throw Invalid($"unexpected character '{c}'");
            }
        }

        return tokens;
    }

    private static void Expect(List<(string Text, bool Quoted)> tokens, ref int position, string expected)
    {
        if (!(expected.All(char.IsAsciiLetter) ? TryTakeKeyword(tokens, ref position, expected) : TryTake(tokens, ref position, expected)))
        {
            throw Invalid(position < tokens.Count ? $"expected {expected} but found '{tokens[position].Text}'" : $"expected {expected} at the end");
        }
    }

    private static bool TryTake(List<(string Text, bool Quoted)> tokens, ref int position, string symbol)
    {
        if (position < tokens.Count && !tokens[position].Quoted && tokens[position].Text == symbol)
        {
            position++;
            return true;
        }

        return false;
    }

    private static bool TryTakeKeyword(List<(string Text, bool Quoted)> tokens, ref int position, string keyword)
    {
        if (position < tokens.Count && !tokens[position].Quoted && string.Equals(tokens[position].Text, keyword, StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return true;
        }

        return false;
    }

    private static string Identifier(List<(string Text, bool Quoted)> tokens, ref int position)
    {
        if (position >= tokens.Count || tokens[position].Quoted || !char.IsAsciiLetter(tokens[position].Text[0]))
        {
            throw Invalid(position < tokens.Count ? $"expected a field name but found '{tokens[position].Text}'" : "expected a field name at the end");
        }

        return tokens[position++].Text;
    }

    private static string Literal(List<(string Text, bool Quoted)> tokens, ref int position)
    {
        if (position >= tokens.Count || !tokens[position].Quoted)
        {
            throw Invalid("expected a quoted string literal after '='");
        }

        return tokens[position++].Text;
    }

    private static AwsServiceException Invalid(string reason) =>
        AwsServiceException.BadRequest("InvalidExpressionException", $"The expression is not valid: {reason}.");
}
