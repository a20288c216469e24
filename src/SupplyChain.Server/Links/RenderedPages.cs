using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SupplyChain.Server.Links;

/// <summary>
/// Lot pages as rendered, kept for a few seconds per lot, language and version of the lot: a popular lot's page is
/// then a lookup. A recall or hold changes the lot's version, so its banner shows at once; changes upstream show
/// within <see cref="LinkOptions.PageKeptFor"/>.
/// </summary>
public sealed class RenderedPages(TimeProvider clock, IOptions<LinkOptions> options)
{
    private const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<string, (string Html, DateTimeOffset At)> _pages = new();

    public string? Find(string key) =>
        _pages.TryGetValue(key, out var kept) && clock.GetUtcNow() - kept.At < options.Value.PageKeptFor ? kept.Html : null;

    public void Keep(string key, string html)
    {
        if (options.Value.PageKeptFor <= TimeSpan.Zero)
        {
            return;
        }

        if (_pages.Count >= MaxKept)
        {
            _pages.Clear();
        }

        _pages[key] = (html, clock.GetUtcNow());
    }
}
