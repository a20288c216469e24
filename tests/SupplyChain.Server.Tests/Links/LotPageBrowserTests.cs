using System.Net;
using Microsoft.Playwright;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests.Links;

/// <summary>The consumer pages as a person sees them: opened in Chromium on a 360 x 740 phone screen, no token.</summary>
[Collection(LinkPagesCollection.Name)]
public sealed class LotPageBrowserTests(LinkPagesFixture world)
{
    [Fact]
    public async Task The_salt_lots_page_shows_its_producer_stars_checks_and_a_timeline_back_to_both_harvests()
    {
        var page = await world.PhoneAsync();

        var response = await page.GotoAsync(world.Address + LinkPagesFixture.SaltPath);

        Assert.Equal(200, response!.Status);
        Assert.Equal("Bac Lieu coarse sea salt - Long Dien Dong", await page.Locator("#product").InnerTextAsync());
        Assert.Equal("Long Dien Dong Salt Cooperative", await page.Locator("#producer-name").InnerTextAsync());
        Assert.Equal("Long Dien Dong, Dong Hai District, Bac Lieu", await page.Locator("#producer-place").InnerTextAsync());
        Assert.Equal("★★★★☆", await page.Locator("#stars").InnerTextAsync());
        Assert.Equal("BL-OCOP-2024-002", await page.Locator("#certificate").InnerTextAsync());
        Assert.True(await page.Locator("#verified").IsVisibleAsync(), "expected 'Record verified' on an untouched record");
        Assert.Equal(0, await page.Locator("#warning").CountAsync());

        var checks = await page.Locator("ul.checks").First.InnerTextAsync();
        Assert.Contains("inspecting (food safety)", checks, StringComparison.Ordinal);
        Assert.Contains("BL-OCOP-5S-2026-002", checks, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", checks, StringComparison.Ordinal);

        var timeline = await page.Locator("ol.timeline li").AllInnerTextsAsync();
        Assert.Contains(timeline, step => step.Contains("Lot LDD-260402-A", StringComparison.Ordinal) && step.Contains("Produced", StringComparison.Ordinal));
        Assert.Contains(timeline, step => step.Contains("Lot LDD-260403-B", StringComparison.Ordinal) && step.Contains("Produced", StringComparison.Ordinal));
        Assert.Contains(timeline, step => step.Contains("Merged from lots LDD-260402-A, LDD-260403-B", StringComparison.Ordinal));
        Assert.Contains(timeline, step => step.Contains("Shipped", StringComparison.Ordinal) && step.Contains("to Sai Gon OCOP Trading", StringComparison.Ordinal));
        Assert.StartsWith("2 Apr 2026, 06:00 · Lot LDD-260402-A", timeline[0], StringComparison.Ordinal);
        Assert.Equal(["Lot LDD-260402-A", "Lot LDD-260403-B"], (await page.Locator("#origins + ul li strong").AllInnerTextsAsync()).ToArray());
        Assert.Contains("No expiry date is recorded", await page.Locator("#expiry").InnerTextAsync(), StringComparison.Ordinal);

        await LinkPagesFixture.SaveAsync(page, "lot-page-en.png", fullPage: true);
        await LinkPagesFixture.SaveAsync(page, "lot-page-en-phone.png");
    }

    [Fact]
    public async Task The_language_follows_the_browser_and_the_switch_on_the_page_changes_it()
    {
        var page = await world.PhoneAsync("vi-VN");
        await page.GotoAsync(world.Address + LinkPagesFixture.SaltPath);
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Nhà sản xuất", await page.Locator("#producer").InnerTextAsync());
        Assert.Equal("Hồ sơ đã được xác minh", (await page.Locator("#verified").InnerTextAsync()).TrimStart('✓', ' '));
        await LinkPagesFixture.SaveAsync(page, "lot-page-vi.png", fullPage: true);

        await page.Locator("#language").ClickAsync();

        await page.WaitForURLAsync("**?lang=en");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Producer", await page.Locator("#producer").InnerTextAsync());
        Assert.Equal("Tiếng Việt", await page.Locator("#language").InnerTextAsync());
        await page.Locator("#language").ClickAsync();
        await page.WaitForURLAsync("**?lang=vi");
        Assert.Equal("Chứng nhận OCOP", await page.Locator("#ocop").InnerTextAsync());
    }

    [Fact]
    public async Task A_recalled_lot_opens_with_a_red_banner_and_its_reason_above_the_fold()
    {
        // Seen once before the recall: the page kept for that version must not hide the recall.
        var before = await world.PhoneAsync();
        await before.GotoAsync($"{world.Address}/01/{LinkPagesFixture.DienHaiGtin}/10/{LinkPagesFixture.DienHaiLot}");
        Assert.Equal(0, await before.Locator("#warning").CountAsync());
        var traces = new TraceService.TraceServiceClient(world.Server.Channel);
        await traces.RecallAsync(new RecallRequest
        {
            EventId = "browser-test-recall-dh", Gtin = LinkPagesFixture.DienHaiGtin, Lot = LinkPagesFixture.DienHaiLot, AuditorGln = LinkPagesFixture.Auditor,
            Reason = "lead above limit in lab report LR-2611",
        });
        var page = await world.PhoneAsync();

        await page.GotoAsync($"{world.Address}/01/{LinkPagesFixture.DienHaiGtin}/10/{LinkPagesFixture.DienHaiLot}");

        var banner = page.Locator("#warning");
        var box = await banner.BoundingBoxAsync() ?? throw new InvalidOperationException("no banner");
        Assert.True(box.Y >= 0 && box.Y + box.Height <= 740, $"expected the banner inside the first 740 px, it spans {box.Y} to {box.Y + box.Height}");
        Assert.True(await banner.IsVisibleAsync());
        var text = await banner.InnerTextAsync();
        Assert.Contains("RECALLED", text, StringComparison.Ordinal);
        Assert.Contains("Reason: lead above limit in lab report LR-2611", text, StringComparison.Ordinal);
        Assert.DoesNotContain("browser-test-recall-dh", text, StringComparison.Ordinal);
        Assert.Equal("rgb(176, 0, 32)", await banner.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("recalled", await page.Locator("#status").InnerTextAsync());
        await LinkPagesFixture.SaveAsync(page, "recalled-lot-phone.png");
    }

    [Fact]
    public async Task A_held_lot_shows_it_is_on_hold_and_the_failed_check()
    {
        var page = await world.PhoneAsync();

        await page.GotoAsync(world.Address + LinkPagesFixture.HeldShrimpPath);

        Assert.Contains("ON HOLD", await page.Locator("#warning").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Failed", await page.Locator("ul.checks").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_lot_gets_a_readable_not_found_page_in_the_visitors_language()
    {
        var page = await world.PhoneAsync();

        var response = await page.GotoAsync(world.Address + "/01/08938000100029/10/NO-SUCH-LOT");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("Not found", await page.Locator("#message").InnerTextAsync());
        Assert.Contains("Check the number printed on the package", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await LinkPagesFixture.SaveAsync(page, "not-found-phone.png");
    }

    [Fact]
    public async Task The_page_needs_no_script_and_fits_a_360_px_screen()
    {
        var context = await world.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 }, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(world.Address + LinkPagesFixture.SaltPath + "?lang=en");

        Assert.Equal("Long Dien Dong Salt Cooperative", await page.Locator("#producer-name").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        var phone = await world.PhoneAsync();
        await phone.GotoAsync(world.Address + LinkPagesFixture.SaltPath);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"), "expected no sideways scrolling at 360 px");
    }
}
