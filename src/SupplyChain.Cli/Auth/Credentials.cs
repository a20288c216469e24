using SupplyChain.Cli.Arguments;

namespace SupplyChain.Cli.Auth;

/// <summary>
/// Where the client finds its token and the development key. The token: SUPPLYCHAIN_TOKEN, else the token file
/// (--token-file, SUPPLYCHAIN_TOKEN_FILE, or ~/.supplychain/token, written by 'login'). The key: --key,
/// SUPPLYCHAIN_DEV_KEY_FILE (scripts/supplychain points it at .data/dev-signing-key).
/// </summary>
internal sealed record Credentials(string? TokenFileOption, string? DevKeyOption)
{
    public string TokenFile => TokenFileOption
        ?? (Environment.GetEnvironmentVariable("SUPPLYCHAIN_TOKEN_FILE") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".supplychain", "token"));

    /// <summary>The token to send, or null when there is none.</summary>
    public string? Token() =>
        Environment.GetEnvironmentVariable("SUPPLYCHAIN_TOKEN") is { Length: > 0 } token ? token
        : File.Exists(TokenFile) ? File.ReadAllText(TokenFile).Trim() is { Length: > 0 } stored ? stored : null
        : null;

    public void Save(string token)
    {
        var file = TokenFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, token + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public string DevKeyFile(string? option) =>
        option ?? DevKeyOption
        ?? (Environment.GetEnvironmentVariable("SUPPLYCHAIN_DEV_KEY_FILE") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : throw new UsageException("no development key: give --key FILE or set SUPPLYCHAIN_DEV_KEY_FILE (scripts/supplychain sets it to .data/dev-signing-key)"));
}
