namespace ComplianceReport.Compliance.Ports;

public interface IAccountSessionFactory
{
    /// <summary>Creates a session for the read role in <paramref name="accountId"/>; the role is assumed on first use.</summary>
    IAccountSession Create(string accountId);
}
