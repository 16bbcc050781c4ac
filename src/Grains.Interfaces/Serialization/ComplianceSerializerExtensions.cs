using ComplianceReport.Compliance.Model;
using Orleans.Serialization;

namespace ComplianceReport.Grains.Interfaces.Serialization;

public static class ComplianceSerializerExtensions
{
    /// <summary>
    /// The domain model stays free of Orleans attributes (the workbook and adapters use it too), so
    /// grain calls and state carry its records with System.Text.Json. Silo and client both call this.
    /// </summary>
    public static ISerializerBuilder AddComplianceModel(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(isSupported: type => type.Namespace == typeof(Finding).Namespace);
}
