using Microsoft.Playwright;
using SupplyChain.Testing;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using CommandLine = SupplyChain.Cli.Cli;

namespace SupplyChain.Server.Tests.Links;

/// <summary>The CLI's printable label, printed as a browser renders it, scanned back to the page it names.</summary>
[Collection(LinkPagesCollection.Name)]
public sealed class LabelTests(LinkPagesFixture world)
{
    [Fact]
    public async Task The_labels_QR_code_opens_the_lots_page()
    {
        var file = Path.Combine(Path.GetTempPath(), $"label-{Guid.NewGuid():N}.html");
        try
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            var exit = await CommandLine.RunAsync(
                ["--server", $"http://127.0.0.1:{world.Server.GrpcPort}", "--dev-key", ServerProcess.TestKeyFile, "label", "8938000100029", "LDD-260408-M", "--out", file, "--link-domain", world.Address],
                stdout, stderr);
            Assert.True(exit == 0, $"label exited {exit}: {stdout}{stderr}");
            var link = world.Address + LinkPagesFixture.SaltPath;
            Assert.Contains($"its QR code opens {link}", stdout.ToString(), StringComparison.Ordinal);

            var page = await world.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 600, Height = 300 } });
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            var text = await page.Locator("svg").TextContentAsync() ?? "";
            Assert.Contains("Bac Lieu coarse sea salt", text, StringComparison.Ordinal);
            Assert.Contains("Lô/Lot LDD-260408-M", text, StringComparison.Ordinal);
            Assert.Contains("OCOP ★★★★☆", text, StringComparison.Ordinal);

            var (grey, width, height) = PngPixels.Read(await page.ScreenshotAsync());
            var scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8))));
            Assert.NotNull(scanned);
            Assert.Equal(link, scanned.Text);
            var opened = await page.GotoAsync(scanned.Text + "?lang=en");
            Assert.Equal(200, opened!.Status);
            Assert.Equal("Long Dien Dong Salt Cooperative", await page.Locator("#producer-name").InnerTextAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
