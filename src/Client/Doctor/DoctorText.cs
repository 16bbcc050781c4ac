namespace ComplianceReport.Client.Doctor;

internal static class DoctorText
{
    public static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
