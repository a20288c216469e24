using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace SupplyChain.Server.Hosting;

/// <summary>
/// Request header limits, set explicitly. Kestrel answers headers over its limits with an HTTP/2 connection error,
/// which ends every other stream on the client's connection; so the limits sit well above the largest token the
/// service accepts, and a token between the two is refused on its own call (UNAUTHENTICATED) by the access check.
/// </summary>
public static class HeaderLimits
{
    /// <summary>The longest bearer token (characters of the authorization header) read at all.</summary>
    public const int BearerTokenLength = 16 * 1024;

    /// <summary>All of one request's headers, and any one of them, decoded.</summary>
    public const int RequestHeadersBytes = 256 * 1024;

    /// <summary>HPACK dynamic table: Kestrel's default, stated so that it is chosen rather than inherited.</summary>
    public const int HeaderTableBytes = 4096;

    public static void Apply(KestrelServerLimits limits)
    {
        limits.MaxRequestHeadersTotalSize = RequestHeadersBytes;
        limits.Http2.MaxRequestHeaderFieldSize = RequestHeadersBytes;
        limits.Http2.HeaderTableSize = HeaderTableBytes;
    }
}
