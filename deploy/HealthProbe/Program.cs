using System.Globalization;
using ComplianceReport.HealthProbe;

// Usage: ComplianceReport.HealthProbe [url] [timeout-seconds]
var url = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080/health/live");
var timeout = TimeSpan.FromSeconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3);
return await Probe.CheckAsync(url, timeout, Console.Error);
