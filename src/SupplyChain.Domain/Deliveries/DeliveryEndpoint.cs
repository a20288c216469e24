namespace SupplyChain.Domain.Deliveries;

/// <summary>Where deliveries go: an absolute http(s) URL, and the secret their signature is made with (shared with the receiver).</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.DeliveryEndpoint")]
public sealed record DeliveryEndpoint(
    [property: Id(0)] string Url,
    [property: Id(1)] string Secret)
{
    /// <summary>The shortest secret a receiver may choose.</summary>
    public const int MinSecretLength = 16;

    /// <summary>The longest URL or secret accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>Reads a request's URL and secret (the secret already chosen: the caller's, or one made for it).</summary>
    public static DeliveryEndpoint Parse(string? url, string secret)
    {
        var text = Text.Required(url, "url", MaxLength);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw DomainException.Invalid("url", $"'{text}' is not an absolute http or https URL");
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw DomainException.Invalid("url", "must carry no user name, password or fragment; the signature proves who sends");
        }

        var key = Text.Required(secret, "secret", MaxLength);
        return key.Length < MinSecretLength || key.Any(char.IsWhiteSpace)
            ? throw DomainException.Invalid("secret", $"must be at least {MinSecretLength} characters without spaces (or empty: the server makes one)")
            : new DeliveryEndpoint(uri.AbsoluteUri, key);
    }
}
