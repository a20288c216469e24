using Microsoft.Playwright;
using SupplyChain.Cli.Demo;
using SupplyChain.Testing;

namespace SupplyChain.Server.Tests.Links;

/// <summary>
/// A server with the demonstration data loaded, and Debian's Chromium driven by Playwright (its own browser download is
/// not used: the executable path points at /usr/bin/chromium).
/// </summary>
public sealed class LinkPagesFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The merged coarse salt lot of the Long Dien Dong cooperative: two harvests, a five-star sample, a handoff.</summary>
    public const string SaltPath = "/01/08938000100029/10/LDD-260408-M";

    /// <summary>The dried shrimp lot held after a failed moisture check.</summary>
    public const string HeldShrimpPath = "/01/08938001200018/10/BN-260902";

    /// <summary>The Dien Hai coarse salt lot, which a test recalls.</summary>
    public const string DienHaiGtin = "08938000200019";

    public const string DienHaiLot = "DH-260515";

    /// <summary>The demonstration's auditor, the provincial OCOP office.</summary>
    public const string Auditor = "8930500100004";

    private readonly ServerFixture _server = new();
    private IPlaywright? _playwright;

    public ServerProcess Server => _server.Server;

    public IBrowser Browser { get; private set; } = null!;

    public string Address => $"http://127.0.0.1:{Server.HttpPort}";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: scripts/test installs Debian's chromium package (apt-get install -y chromium)");
        }

        await _server.InitializeAsync();
        var loaded = await DemoLoader.LoadAsync(Server.Channel, TextWriter.Null, CancellationToken.None);
        Assert.True(loaded == 0, $"the demonstration data did not load (exit code {loaded})");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser page with a phone's viewport (360 x 740) and the given language.</summary>
    public async Task<IPage> PhoneAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, Locale = locale });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot when SUPPLYCHAIN_SCREENSHOTS names a folder (docs/images for the README's pictures).</summary>
    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("SUPPLYCHAIN_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = fullPage });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LinkPagesCollection : ICollectionFixture<LinkPagesFixture>
{
    public const string Name = "link pages";
}
