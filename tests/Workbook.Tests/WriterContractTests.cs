using ComplianceReport.Compliance.Ports;
using ComplianceReport.Workbook.Hosting;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReport.Workbook.Tests;

public sealed class WriterContractTests
{
    [Fact]
    public async Task Writes_to_a_non_seekable_stream_and_leaves_it_open()
    {
        using var inner = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(inner);

        await new ComplianceWorkbookWriter().WriteAsync(SampleReports.Content(3, 4), forwardOnly, CancellationToken.None);

        Assert.True(forwardOnly.CanWrite);
        using var document = SpreadsheetDocument.Open(new MemoryStream(inner.ToArray()), isEditable: false);
        Assert.Equal(8, document.WorkbookPart!.WorksheetParts.Count());
    }

    [Fact]
    public async Task Rows_reach_the_destination_while_findings_are_still_streaming()
    {
        // Memory stays flat only if rows leave as they are written: by the 50,000th finding the
        // destination must already hold most of the compressed bytes written so far.
        using var destination = new MemoryStream();
        var bytesSeenMidway = -1L;
        IEnumerable<Compliance.Model.Finding> Findings()
        {
            var n = 0;
            foreach (var finding in SampleReports.Findings(10, 6_000))
            {
                if (++n == 50_000)
                {
                    bytesSeenMidway = destination.Length;
                }

                yield return finding;
            }
        }

        await new ComplianceWorkbookWriter().WriteAsync(SampleReports.Content(10, 0) with { Findings = Findings().ToAsyncEnumerable() }, destination, CancellationToken.None);

        Assert.True(bytesSeenMidway > destination.Length / 3, $"{bytesSeenMidway} of {destination.Length} bytes were written by the 50,000th of 60,000 findings");
    }

    [Fact]
    public async Task Cancellation_stops_the_write()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ComplianceWorkbookWriter().WriteAsync(SampleReports.Content(3, 4), Stream.Null, cancellation.Token));
    }

    [Fact]
    public void Registers_the_writer_as_the_workbook_port()
    {
        var services = new ServiceCollection().AddComplianceWorkbook().AddComplianceWorkbook();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IWorkbookWriter));
        Assert.Equal(typeof(ComplianceWorkbookWriter), descriptor.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
