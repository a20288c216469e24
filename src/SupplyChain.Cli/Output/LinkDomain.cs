namespace SupplyChain.Cli.Output;

/// <summary>
/// The domain the CLI writes Digital Links on, the same the server's Links__Domain sets: SUPPLYCHAIN_LINK_DOMAIN, else
/// the local server's HTTP port that scripts/run starts.
/// </summary>
internal static class LinkDomain
{
    public const string Variable = "SUPPLYCHAIN_LINK_DOMAIN";

    public const string Local = "http://127.0.0.1:5081";

    public static string Current => (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } domain ? domain : Local).TrimEnd('/');

    /// <summary>A Digital Link path (01/{gtin}/10/{lot}) as a whole link on a domain.</summary>
    public static string Link(string path, string? domain = null) => $"{(domain ?? Current).TrimEnd('/')}/{path.TrimStart('/')}";
}
