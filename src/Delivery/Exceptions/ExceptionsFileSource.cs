using System.Net;
using Amazon.S3;
using ComplianceReport.Compliance.Exceptions;
using ComplianceReport.Compliance.Options;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceReport.Delivery.Exceptions;

/// <summary>
/// Reads <c>Report:ExceptionsFile</c> from a local path or from <c>s3://bucket/key</c> with the
/// hub's credentials (the hub role may read that key). Any failure names the location and why.
/// The S3 client is the container's, resolved only for an s3:// location: a local file needs no
/// S3 region, and the delivery's client is not built twice.
/// </summary>
public sealed class ExceptionsFileSource(IServiceProvider services) : IExceptionsFileSource
{

    public async Task<string> ReadAsync(string location, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!ExceptionsLocation.IsS3(location))
        {
            try
            {
                return await File.ReadAllTextAsync(location, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidExceptionsFileException($"{location}: the exceptions file cannot be read: {ex.Message}", ex);
            }
        }

        if (!ExceptionsLocation.TryParseS3(location, out var bucket, out var key))
        {
            throw new InvalidExceptionsFileException($"{location}: not an s3://bucket/key location.");
        }

        try
        {
            using var response = await services.GetRequiredService<IAmazonS3>().GetObjectAsync(bucket, key, cancellationToken);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (AmazonS3Exception ex)
        {
            var why = ex.StatusCode switch
            {
                HttpStatusCode.NotFound => "no such bucket or key",
                HttpStatusCode.Forbidden => "access denied (the hub role needs s3:GetObject on this key)",
                _ => $"{ex.ErrorCode ?? ex.StatusCode.ToString()}: {ex.Message}",
            };
            throw new InvalidExceptionsFileException($"{location}: the exceptions file cannot be read: {why}", ex);
        }
    }
}
