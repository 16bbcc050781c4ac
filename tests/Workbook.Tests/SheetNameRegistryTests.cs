using ComplianceReport.Workbook.Sheets;

namespace ComplianceReport.Workbook.Tests;

public sealed class SheetNameRegistryTests
{
    [Fact]
    public void Names_obey_excel_rules()
    {
        var registry = new SheetNameRegistry();

        Assert.Equal("a_b_c_d_e_f_g_h", registry.Claim("a[b]c:d*e?f/g\\h"));
        Assert.Equal("x", registry.Claim("'x'"));
        Assert.Equal(new string('n', 31), registry.Claim(new string('n', 40)));
        Assert.Equal(new string('n', 27) + " (2)", registry.Claim(new string('N', 31)).ToLowerInvariant());
        Assert.Equal("Sheet", registry.Claim("   "));
        Assert.Equal("history (2)", registry.Claim("history"));
    }

    [Fact]
    public void Repeated_claims_are_numbered()
    {
        var registry = new SheetNameRegistry();

        Assert.Equal("Findings", registry.Claim("Findings"));
        Assert.Equal("Findings (2)", registry.Claim("Findings"));
        Assert.Equal("FINDINGS (3)", registry.Claim("FINDINGS"));
    }
}
