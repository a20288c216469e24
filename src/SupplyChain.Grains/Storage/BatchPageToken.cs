using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SupplyChain.Domain;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// The opaque page token of a participant's batch list: the storage continuation bound to the list it was issued for
/// (participant and listing) with a check over both, so a forged, damaged or foreign token is refused rather than read
/// as the end of the list.
/// </summary>
public static class BatchPageToken
{
    private const string Version = "b1";
    private const int CheckBytes = 12;

    public static string Issue(string list, string continuation) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}\n{list}\n{continuation}\n{Check(list, continuation)}"));

    /// <summary>The storage continuation of a token issued for <paramref name="list"/>; INVALID_ARGUMENT naming page_token otherwise.</summary>
    public static string Read(string token, string list)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n');
        }
        catch (FormatException)
        {
            throw Refused();
        }

        if (parts is not [Version, var issuedFor, var continuation, var check] || continuation.Length == 0 || check != Check(issuedFor, continuation))
        {
            throw Refused();
        }

        if (issuedFor != list)
        {
            throw DomainException.Invalid("page_token", "was issued for another participant's or another listing's batches; pass back the next_page_token of this list's previous page");
        }

        return continuation;
    }

    private static DomainException Refused() =>
        DomainException.Invalid("page_token", "is not a token this service issued; pass back next_page_token unchanged, or none for the first page");

    private static string Check(string list, string continuation) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Version}\n{list}\n{continuation}")).AsSpan(0, CheckBytes));
}
