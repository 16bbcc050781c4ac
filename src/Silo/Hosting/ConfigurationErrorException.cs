namespace ComplianceReport.Silo.Hosting;

/// <summary>Bad configuration found before the host starts; the message names the keys.</summary>
public sealed class ConfigurationErrorException(string message) : Exception(message);
