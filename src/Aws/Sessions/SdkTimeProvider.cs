using Amazon.Util.Internal;

namespace ComplianceReport.Aws.Sessions;

/// <summary>Lets the SDK's credential refresh use our <see cref="TimeProvider"/> (a fake clock in tests).</summary>
internal sealed class SdkTimeProvider(TimeProvider time) : ITimeProvider
{
    public DateTime CorrectedUtcNow => time.GetUtcNow().UtcDateTime;
}
