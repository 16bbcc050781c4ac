using System.Net;
using System.Net.Sockets;

namespace ComplianceReport.SimulatedEnvironment;

public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now (the OS picks it), for a silo that must not clash with another.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
