using System.Globalization;
using System.Text;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Links;
using SupplyChain.Domain.Measures;
using static SupplyChain.Server.Links.PageLayout;

namespace SupplyChain.Server.Links;

/// <summary>The consumer page of a lot, and of a product without a lot, rendered on the server as plain HTML.</summary>
public static class LotPage
{
    public static string Render(LotStory story, PageText text, string switchHref)
    {
        var body = new StringBuilder(32_768);
        Hero(body, story.Product, text, $"{text.Lot} {story.Lot}");
        body.Append(story.Verified
            ? $"<p><span class=\"ok\" id=\"verified\">✓ {Html(text.Verified)}</span></p>"
            : $"<p><span class=\"no\" id=\"not-verified\">{Html(text.NotVerified)}</span></p>");

        body.Append("<h2 id=\"producer\">").Append(Html(text.Producer)).Append("</h2>");
        Party(body, story.Producer, text);
        Ocop(body, story.Product, text);
        Facts(body, story, text);
        Checks(body, story, text);
        Timeline(body, story, text);
        Origins(body, story, text);
        Footer(body, story.Link, text);
        return Page(text, $"{story.Product.Name} · {text.Lot} {story.Lot}", switchHref, Alert(story, text), body.ToString());
    }

    public static string RenderProduct(StoryProduct product, StoryParty producer, string link, PageText text, string switchHref)
    {
        var body = new StringBuilder(4_096);
        Hero(body, product, text, $"{text.Gtin} {product.Gtin.Value}");
        body.Append("<h2 id=\"producer\">").Append(Html(text.Producer)).Append("</h2>");
        Party(body, producer, text);
        Ocop(body, product, text);
        body.Append("<p class=\"muted\">").Append(Html(text.LotsHint)).Append("</p>");
        Footer(body, link, text);
        return Page(text, product.Name, switchHref, "", body.ToString());
    }

    private static string Alert(LotStory story, PageText text) => !story.Alarming ? "" :
        $"<div class=\"alert\" role=\"alert\" id=\"warning\"><strong>{Html(story.Status == BatchStatus.Recalled ? text.Recalled : text.OnHold)}</strong>"
        + $"<p>{Html(text.DoNotUse)}</p><p>{Html(text.Reason)}: {Html(story.Warning ?? "")}</p></div>";

    private static void Hero(StringBuilder body, StoryProduct product, PageText text, string subtitle)
    {
        body.Append("<div class=\"hero\"><div class=\"img\" role=\"img\" aria-label=\"").Append(Html(text.ImagePlaceholder)).Append("\">")
            .Append(Html(text.ImagePlaceholder)).Append("</div><div><h1 id=\"product\">").Append(Html(product.Name)).Append("</h1>");
        if (product.Stars > 0)
        {
            body.Append("<p class=\"stars\" id=\"stars\" aria-label=\"").Append(product.Stars).Append(' ').Append(Html(text.Stars)).Append("\">")
                .Append(Stars(product.Stars)).Append("</p><p class=\"muted\">").Append(product.Stars).Append(' ').Append(Html(text.Stars)).Append("</p>");
        }

        body.Append("<p class=\"muted\">").Append(Html(subtitle)).Append("</p></div></div>");
    }

    private static void Party(StringBuilder body, StoryParty party, PageText text)
    {
        var kind = text.KindName(party.Kind);
        body.Append("<p><strong id=\"producer-name\">").Append(Html(party.Name)).Append("</strong>").Append(kind.Length > 0 ? $" <span class=\"muted\">({Html(kind)})</span>" : "")
            .Append("<br><span id=\"producer-place\">").Append(Html(party.Place)).Append("</span><br><span class=\"muted\">GLN ").Append(party.Gln.Value).Append("</span></p>");
    }

    private static void Ocop(StringBuilder body, StoryProduct product, PageText text)
    {
        body.Append("<h2 id=\"ocop\">").Append(Html(text.OcopCertificate)).Append("</h2>");
        if (product.Stars == 0)
        {
            body.Append("<p>").Append(Html(text.NotRated)).Append("</p>");
        }
        else
        {
            body.Append("<dl><dt>").Append(Html(text.Stars)).Append("</dt><dd>").Append(product.Stars).Append(' ').Append(Stars(product.Stars))
                .Append("</dd><dt>").Append(Html(text.CertificateNumber)).Append("</dt><dd id=\"certificate\">").Append(Html(product.Certificate)).Append("</dd>");
            if (product.CertifiedOn is { } on)
            {
                body.Append("<dt>").Append(Html(text.CertifiedOn)).Append("</dt><dd>").Append(text.Date(new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), PageText.VietnamTime))).Append("</dd>");
            }

            body.Append("</dl>");
        }

        if (product.PendingStars > 0)
        {
            body.Append("<p class=\"muted\">").Append(Html(string.Format(CultureInfo.InvariantCulture, text.Pending, product.PendingStars))).Append("</p>");
        }
    }

    // The fields Circular 02/2024/TT-BKHCN asks a product's traceability information to carry at least.
    private static void Facts(StringBuilder body, LotStory story, PageText text)
    {
        body.Append("<h2 id=\"circular\">").Append(Html(text.Circular)).Append("</h2><dl>");
        void Row(string name, string value, string id = "") =>
            body.Append("<dt>").Append(Html(name)).Append("</dt><dd").Append(id.Length > 0 ? $" id=\"{id}\"" : "").Append('>').Append(Html(value)).Append("</dd>");
        Row(text.ProductName, story.Product.Name);
        Row(text.TraceCode, story.Link);
        Row(text.Gtin, story.Product.Gtin.Value);
        Row(text.Lot, story.Lot, "lot");
        Row(text.Producer, story.Producer.Name);
        Row(text.Address, story.Producer.Place);
        Row(text.ProducedOn, text.Date(story.ProducedAt), "produced");
        Row(text.ExpiresOn, story.ExpiresOn is { } expiry ? expiry.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : text.NoExpiry, "expiry");
        Row(text.Quantity, Amount(story.Quantity));
        Row(text.Holder, $"{story.Holder.Name}, {story.Holder.Place}".TrimEnd(',', ' '), "holder");
        Row(text.Status, text.StatusName(story.Status), "status");
        Row(text.Batches, story.Batches.ToString(CultureInfo.InvariantCulture));
        body.Append("</dl>");
    }

    private static void Checks(StringBuilder body, LotStory story, PageText text)
    {
        body.Append("<h2 id=\"checks\">").Append(Html(text.Checks)).Append("</h2>");
        var checks = story.Checks;
        if (checks.Count == 0)
        {
            body.Append("<p>").Append(Html(text.NoChecks)).Append("</p>");
            return;
        }

        body.Append("<ul class=\"checks\">");
        foreach (var check in checks)
        {
            var name = check.Kind == StoryStepKind.Checked ? $"{text.CheckStep(check.Check)} ({text.CheckKind(check.CheckKind!.Value)})" : text.Step(check.Kind);
            body.Append("<li>").Append(Verdict(check.Verdict!.Value, text)).Append(' ').Append(Html(name))
                .Append("<br><span class=\"muted\">").Append(text.Date(check.At)).Append(" · ").Append(Html(check.Actor.Name)).Append(" · ").Append(Html($"{text.Lot} {check.Lot}"))
                .Append(check.Reference.Length > 0 ? $" · {Html(text.Reference)} {Html(check.Reference)}" : "").Append("</span></li>");
        }

        body.Append("</ul>");
    }

    private static void Timeline(StringBuilder body, LotStory story, PageText text)
    {
        body.Append("<h2 id=\"timeline\">").Append(Html(text.Journey)).Append("</h2><ol class=\"timeline\">");
        foreach (var step in story.Timeline)
        {
            body.Append(step.Verdict == Domain.Batches.Verdict.Fail ? "<li class=\"fail\">" : "<li>")
                .Append("<div class=\"when\">").Append(text.DateTime(step.At)).Append(" · ").Append(Html($"{text.Lot} {step.Lot}")).Append("</div><div class=\"what\">")
                .Append(Html(text.Step(step.Kind)));
            if (step.Kind == StoryStepKind.Checked)
            {
                body.Append(": ").Append(Html(text.CheckStep(step.Check)));
            }

            if (step.RelatedLots.Count > 0)
            {
                body.Append(' ').Append(Html(string.Join(", ", step.RelatedLots)));
            }

            if (step.Verdict is { } verdict)
            {
                body.Append(' ').Append(Verdict(verdict, text));
            }

            body.Append("</div><div>").Append(Html(step.Actor.Name));
            if (step.Counterparty is { } other)
            {
                body.Append(' ').Append(Html(step.Kind == StoryStepKind.Shipped ? text.To : text.From)).Append(' ').Append(Html(other.Name));
            }

            body.Append("</div><div class=\"muted\">").Append(Html(text.At)).Append(' ').Append(Html(step.Place.Name));
            if (step.Place.Place.Length > 0)
            {
                body.Append(", ").Append(Html(step.Place.Place));
            }

            body.Append(step.Quantity is { } quantity ? $" · {Html(Amount(quantity))}" : "").Append("</div></li>");
        }

        body.Append("</ol>");
    }

    private static void Origins(StringBuilder body, LotStory story, PageText text)
    {
        body.Append("<h2 id=\"origins\">").Append(Html(text.Origins)).Append("</h2><ul class=\"checks\">");
        foreach (var origin in story.Origins)
        {
            body.Append("<li><strong>").Append(Html($"{text.Lot} {origin.Lot}")).Append("</strong> · ").Append(Html(origin.ProductName))
                .Append("<br><span class=\"muted\">").Append(text.Date(origin.ProducedAt)).Append(" · ").Append(Html(origin.Producer.Name)).Append(", ")
                .Append(Html(origin.Producer.Place)).Append(" · ").Append(Html(Amount(origin.Quantity))).Append("</span></li>");
        }

        body.Append("</ul>");
    }

    private static void Footer(StringBuilder body, string link, PageText text) =>
        body.Append("<footer><p>").Append(Html(text.Links)).Append(": <a id=\"canonical\" href=\"").Append(Html(link)).Append("\">").Append(Html(link))
            .Append("</a> · <a href=\"").Append(Html(link)).Append("?linkType=linkset\">linkset</a></p></footer>");

    private static string Verdict(Verdict verdict, PageText text) =>
        verdict == Domain.Batches.Verdict.Pass ? $"<span class=\"ok\">{Html(text.Pass)}</span>" : $"<span class=\"no\">{Html(text.Fail)}</span>";

    private static string Amount(Quantity quantity) =>
        $"{quantity.Value.ToString(CultureInfo.InvariantCulture)} {(Quantity.Units.TryGetValue(quantity.Unit, out var unit) ? unit + (quantity.Value == 1 ? "" : "s") : quantity.Unit)}";
}
