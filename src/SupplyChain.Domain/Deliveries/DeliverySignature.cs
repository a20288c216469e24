using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupplyChain.Domain.Deliveries;

/// <summary>
/// The header that proves a delivery came from the service and was not changed: <c>t={unix seconds},v1={hex}</c>, where
/// hex is HMAC-SHA256 with the endpoint's secret over "{t}.{body}". The time lets a receiver refuse old replays.
/// </summary>
public static class DeliverySignature
{
    public const string Header = "X-SupplyChain-Signature";

    /// <summary>The same signature under the name the EPCIS 2.0 binding gives it, for subscribers to named queries.</summary>
    public const string EpcisHeader = "GS1-Signature";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Mac(secret, t, body)}";
    }

    /// <summary>Whether a header value is the signature of this body with this secret (compared in constant time).</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        return parts.TryGetValue("t", out var t) && parts.TryGetValue("v1", out var given)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, t, body)), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }

    private static string Mac(string secret, string t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
}
