namespace ComplianceReport.Aws.Client;

/// <summary>A paginated operation that would never end: the service handed back a NextToken it had already given.</summary>
public sealed class AwsPaginationException : Exception
{
    public AwsPaginationException(string operation, int pagesRead)
        : base($"{operation} returned a NextToken it had already returned after {pagesRead} pages; stopping instead of looping forever.")
    {
        Operation = operation;
        PagesRead = pagesRead;
    }

    public string Operation { get; }

    public int PagesRead { get; }
}
