using System.Text.Json.Nodes;
using ComplianceReport.Deploy.Tests.Support;
using static ComplianceReport.Deploy.Tests.Support.PolicyDocument;

namespace ComplianceReport.Deploy.Tests;

/// <summary>scale-to-zero.yaml: the two EventBridge Scheduler schedules that start and stop the silo service.</summary>
public sealed class ScaleToZeroTemplateTests
{
    private static readonly CfnTemplate Template = CfnTemplate.Load("scale-to-zero.yaml");

    [Theory]
    [InlineData("Monday", "05:45", "09:00", "cron(45 05 ? * MON *)", "cron(00 09 ? * MON *)")]
    [InlineData("Sunday", "22:30", "23:59", "cron(30 22 ? * SUN *)", "cron(59 23 ? * SUN *)")]
    [InlineData("Wednesday", "00:00", "12:15", "cron(00 00 ? * WED *)", "cron(15 12 ? * WED *)")]
    public void Schedules_fire_on_the_reports_day_at_the_given_utc_times(string day, string up, string down, string upCron, string downCron)
    {
        var parameters = new Dictionary<string, string> { ["ScheduleDayOfWeek"] = day, ["ScaleUpTimeUtc"] = up, ["ScaleDownTimeUtc"] = down };

        Assert.Equal(upCron, Evaluate(Template.Properties("ScaleUpSchedule")["ScheduleExpression"], parameters));
        Assert.Equal(downCron, Evaluate(Template.Properties("ScaleDownSchedule")["ScheduleExpression"], parameters));
        Assert.All(new[] { "ScaleUpSchedule", "ScaleDownSchedule" }, id =>
        {
            Assert.Equal("UTC", (string?)Template.Properties(id)["ScheduleExpressionTimezone"]);
            Assert.Equal("OFF", (string?)Template.Properties(id)["FlexibleTimeWindow"]!["Mode"]);
        });
    }

    [Fact]
    public void Every_day_the_hub_can_schedule_the_report_on_has_a_cron_name()
    {
        var hubDays = CfnTemplate.Load("hub.yaml").Parameters["ScheduleDayOfWeek"]!["AllowedValues"]!.AsArray().Select(d => (string)d!);
        var days = Template.Parameters["ScheduleDayOfWeek"]!["AllowedValues"]!.AsArray().Select(d => (string)d!);
        var mapped = Template.Root["Mappings"]!["Weekday"]!.AsObject().Select(d => d.Key);

        Assert.Equal(hubDays, days);
        Assert.Equal(days.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ScaleUpSchedule", "${DesiredCount}")]
    [InlineData("ScaleDownSchedule", "0")]
    public void Each_schedule_sets_the_services_desired_count_through_the_ecs_api(string logicalId, string count)
    {
        var target = Template.Properties(logicalId)["Target"]!.AsObject();

        Assert.Equal("arn:aws:scheduler:::aws-sdk:ecs:updateService", (string?)target["Arn"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Fn::GetAtt": ["SchedulerRole", "Arn"]}"""), target["RoleArn"]));
        Assert.Equal(
            "{\"Cluster\":\"${ClusterName}\",\"Service\":\"${ServiceName}\",\"DesiredCount\":" + count + "}",
            (string?)target["Input"]!["Fn::Sub"]);
    }

    [Fact]
    public void The_schedulers_role_may_only_set_the_silo_services_count()
    {
        var role = Template.Properties("SchedulerRole");
        var trust = Assert.Single(Statements(role["AssumeRolePolicyDocument"]));
        Assert.Equal("scheduler.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.NotNull(trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]);

        var statement = Assert.Single(InlineStatements(role));
        Assert.True(IsAllow(statement));
        Assert.Equal(["ecs:UpdateService"], Actions(statement));
        Assert.Equal(
            "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:service/${ClusterName}/${ServiceName}",
            (string?)Assert.Single(Resources(statement))["Fn::Sub"]);
    }

    /// <summary>CloudFormation's Fn::Sub (list form), Fn::Select, Fn::Split, Fn::FindInMap and Ref over the given parameters.</summary>
    private static string Evaluate(JsonNode? node, IReadOnlyDictionary<string, string> parameters)
    {
        switch (node)
        {
            case JsonValue value:
                return (string)value!;
            case JsonObject { Count: 1 } function:
                var (name, args) = function.First();
                switch (name)
                {
                    case "Ref":
                        return parameters[(string)args!];
                    case "Fn::Select":
                        return Evaluate(args![1], parameters).Split(',')[int.Parse(args[0]!.ToString(), System.Globalization.CultureInfo.InvariantCulture)];
                    case "Fn::Split":
                        // Joined with commas so that Fn::Select can index the pieces.
                        return string.Join(',', Evaluate(args![1], parameters).Split((string)args[0]!));
                    case "Fn::FindInMap":
                        return (string)Template.Root["Mappings"]![Evaluate(args![0], parameters)]![Evaluate(args[1], parameters)]![Evaluate(args[2], parameters)]!;
                    case "Fn::Sub":
                        var text = args is JsonArray list ? (string)list[0]! : (string)args!;
                        var variables = args is JsonArray withVariables ? withVariables[1]!.AsObject() : [];
                        foreach (var (variable, expression) in variables)
                        {
                            text = text.Replace("${" + variable + "}", Evaluate(expression, parameters), StringComparison.Ordinal);
                        }

                        return text;
                }

                break;
        }

        throw new InvalidOperationException("Cannot evaluate " + node?.ToJsonString());
    }
}
