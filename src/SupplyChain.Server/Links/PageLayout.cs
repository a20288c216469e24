using System.Net;
using System.Text;

namespace SupplyChain.Server.Links;

/// <summary>The frame every consumer page shares: no script, no external files, one column that reads on a 360-px phone.</summary>
public static class PageLayout
{
    private const string Style = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f23;background:#f6f7f4}
        main{max-width:40rem;margin:0 auto;padding:0 1rem 2rem}
        .bar{display:flex;justify-content:flex-end;padding:.5rem 1rem;max-width:40rem;margin:0 auto}
        .bar a{color:#0b5394}
        .alert{background:#b00020;color:#fff;padding:.9rem 1rem;font-size:1.05rem}
        .alert strong{display:block;font-size:1.25rem;letter-spacing:.03em}
        .alert p{margin:.3rem 0 0}
        h1{font-size:1.45rem;margin:.6rem 0 .2rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem;border-bottom:2px solid #d9dfd2;padding-bottom:.2rem}
        .hero{display:flex;gap:.9rem;align-items:center;margin-top:.6rem}
        .img{flex:0 0 88px;height:88px;border-radius:12px;background:#e3eadb;display:flex;align-items:center;justify-content:center;color:#55664a;font-size:.75rem;text-align:center;padding:.3rem}
        .stars{color:#c58a00;font-size:1.3rem;letter-spacing:.1em;margin:0}
        .muted{color:#5b6470;font-size:.9rem}
        .ok{display:inline-block;background:#e4f4e6;color:#1e6b2b;border-radius:999px;padding:.15rem .7rem;font-weight:600}
        .no{display:inline-block;background:#fdecec;color:#9b1c1c;border-radius:999px;padding:.15rem .7rem;font-weight:600}
        dl{display:grid;grid-template-columns:minmax(7rem,40%) 1fr;gap:.3rem .8rem;margin:0}dt{color:#5b6470}dd{margin:0;overflow-wrap:anywhere}
        ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid #b9c7ad;margin-left:.4rem}
        ol.timeline li{position:relative;padding:0 0 .9rem 1rem}
        ol.timeline li:before{content:"";position:absolute;left:-.55rem;top:.35rem;width:.8rem;height:.8rem;border-radius:50%;background:#6b8f4e}
        ol.timeline li.fail:before{background:#b00020}
        .when{font-size:.85rem;color:#5b6470}.what{font-weight:600}
        ul.checks{list-style:none;padding:0;margin:0}ul.checks li{padding:.35rem 0;border-bottom:1px solid #e2e6dc}
        footer{margin-top:2rem;font-size:.85rem;color:#5b6470;overflow-wrap:anywhere}
        """;

    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A whole page: the language switch on top, then an optional alert, then the body.</summary>
    public static string Page(PageText text, string title, string switchHref, string alert, string body)
    {
        var page = new StringBuilder(16_384);
        page.Append("<!doctype html><html lang=\"").Append(text.Language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Html(title)).Append("</title><style>")
            .Append(Style).Append("</style></head><body>")
            .Append(alert)
            .Append("<nav class=\"bar\"><a id=\"language\" hreflang=\"").Append(text.OtherLanguage).Append("\" href=\"").Append(Html(switchHref)).Append("\">")
            .Append(Html(text.OtherLanguageName)).Append("</a></nav><main>").Append(body).Append("</main></body></html>");
        return page.ToString();
    }

    /// <summary>A page for a request that has no story: not found, malformed, too many.</summary>
    public static string Message(PageText text, string switchHref, string heading, string detail) =>
        Page(text, heading, switchHref, "", $"<h1 id=\"message\">{Html(heading)}</h1><p>{Html(detail)}</p><p class=\"muted\">{Html(text.LotsHint)}</p>");

    /// <summary>Filled and empty stars for an OCOP rating of 3 to 5.</summary>
    public static string Stars(int stars) => new string('★', stars) + new string('☆', 5 - stars);
}
