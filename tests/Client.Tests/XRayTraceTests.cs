using ComplianceReport.Client.Output;

namespace ComplianceReport.Client.Tests;

public sealed class XRayTraceTests
{
    [Fact]
    public void A_w3c_id_becomes_xrays_form_with_a_console_link_in_the_region()
    {
        Assert.Equal(
            "1-4bf92f35-77b34da6a3ce929d0e0e4736  https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/1-4bf92f35-77b34da6a3ce929d0e0e4736",
            XRayTrace.Describe("4bf92f3577b34da6a3ce929d0e0e4736", "eu-west-1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a region")]
    public void Without_a_region_only_the_id_is_given(string? region)
    {
        Assert.Equal("1-4bf92f35-77b34da6a3ce929d0e0e4736", XRayTrace.Describe("4bf92f3577b34da6a3ce929d0e0e4736", region));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4bf92f3577b34da6")]
    [InlineData("4BF92F3577B34DA6A3CE929D0E0E4736")]
    [InlineData("1-4bf92f35-77b34da6a3ce929d0e0e4736")]
    public void Anything_but_a_w3c_trace_id_gives_nothing(string? traceId)
    {
        Assert.Null(XRayTrace.Describe(traceId, "us-east-1"));
    }
}
