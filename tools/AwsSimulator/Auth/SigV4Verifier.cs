using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ComplianceReport.AwsSimulator.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 in the Authorization header: rebuilds the canonical request
/// from what arrived, derives the signing key from the stored secret and compares signatures.
/// </summary>
internal static class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public static SignatureResult Verify(
        string method,
        string rawTarget,
        IHeaderDictionary headers,
        ReadOnlySpan<byte> body,
        Func<string, StoredCredential?> findCredential)
    {
        var authorization = headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            return SignatureResult.Fail(SignatureCheck.MissingAuthentication, "Missing Authentication Token");
        }

        if (!TryParseAuthorization(authorization, out var keyId, out var scope, out var signedHeaders, out var signature))
        {
            return SignatureResult.Fail(SignatureCheck.Malformed, "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters with the AWS4-HMAC-SHA256 algorithm.");
        }

        // scope: date/region/service/aws4_request
        var scopeParts = scope.Split('/');
        if (scopeParts.Length != 4 || scopeParts[3] != "aws4_request")
        {
            return SignatureResult.Fail(SignatureCheck.Malformed, "Credential should be scoped to a valid region and service, ending in aws4_request.");
        }

        var credential = findCredential(keyId);
        if (credential is null)
        {
            return SignatureResult.Fail(SignatureCheck.UnknownKey, "The security token included in the request is invalid.");
        }

        var amzDate = headers["x-amz-date"].ToString();
        if (amzDate.Length != 16 || !amzDate.StartsWith(scopeParts[0], StringComparison.Ordinal))
        {
            return SignatureResult.Fail(SignatureCheck.Malformed, "The X-Amz-Date header is missing or does not match the credential scope date.");
        }

        var actualPayloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var declaredPayloadHash = headers["x-amz-content-sha256"].ToString();
        string payloadHash;
        if (string.IsNullOrEmpty(declaredPayloadHash))
        {
            payloadHash = actualPayloadHash;
        }
        else if (declaredPayloadHash == UnsignedPayload || string.Equals(declaredPayloadHash, actualPayloadHash, StringComparison.OrdinalIgnoreCase))
        {
            payloadHash = declaredPayloadHash;
        }
        else
        {
            return new SignatureResult(SignatureCheck.Mismatch, credential, scopeParts[1], scopeParts[2], "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders.Split(';'))
        {
            var values = name == "host" ? headers.Host.ToString() : string.Join(',', headers[name].Select(v => CollapseSpaces(v ?? string.Empty)));
            canonicalHeaders.Append(name).Append(':').Append(values).Append('\n');
        }

        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];
        var canonicalRequest = string.Join(
            '\n',
            method,
            CanonicalPath(path),
            CanonicalQuery(query),
            canonicalHeaders.ToString(),
            signedHeaders,
            payloadHash);

        var stringToSign = string.Join(
            '\n',
            Algorithm,
            amzDate,
            scope,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = SigningKey(credential.SecretAccessKey, scopeParts[0], scopeParts[1], scopeParts[2]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
        var given = TryFromHex(signature);
        if (given is null || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return new SignatureResult(
                SignatureCheck.Mismatch,
                credential,
                scopeParts[1],
                scopeParts[2],
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }

        return new SignatureResult(SignatureCheck.Valid, credential, scopeParts[1], scopeParts[2], string.Empty);
    }

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    private static bool TryParseAuthorization(string header, out string keyId, out string scope, out string signedHeaders, out string signature)
    {
        keyId = scope = signedHeaders = signature = string.Empty;
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        string? credential = null;
        foreach (var part in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Credential":
                    credential = value;
                    break;
                case "SignedHeaders":
                    signedHeaders = value;
                    break;
                case "Signature":
                    signature = value;
                    break;
                default:
                    break;
            }
        }

        var slash = credential?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (credential is null || slash <= 0 || signedHeaders.Length == 0 || signature.Length == 0)
        {
            return false;
        }

        keyId = credential[..slash];
        scope = credential[(slash + 1)..];
        return true;
    }

    /// <summary>Non-S3 services sign the path URI-encoded once more (so "%2F" becomes "%252F").</summary>
    private static string CanonicalPath(string rawPath)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        return string.Join('/', rawPath.Split('/').Select(Encode));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return string.Empty;
        }

        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var equals = p.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? p : p[..equals];
                var value = equals < 0 ? string.Empty : p[(equals + 1)..];
                return (Name: Encode(Uri.UnescapeDataString(name)), Value: Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters stay, the rest become %XX.</summary>
    private static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string CollapseSpaces(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var builder = new StringBuilder(trimmed.Length);
        var previousSpace = false;
        foreach (var c in trimmed)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    builder.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }

    private static byte[]? TryFromHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
