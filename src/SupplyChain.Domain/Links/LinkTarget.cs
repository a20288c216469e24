namespace SupplyChain.Domain.Links;

/// <summary>Where one link type of a Digital Link leads, as a linkset lists it.</summary>
public sealed record LinkTarget(LinkType Type, string Href, string MediaType, IReadOnlyList<string> Languages)
{
    /// <summary>The targets of a link on a domain, the default link first; a product without a lot has no EPCIS events link.</summary>
    public static IReadOnlyList<LinkTarget> Of(DigitalLink link, string domain)
    {
        var root = LinkDomain.Normalise(domain);
        var page = link.On(root);
        string[] both = ["vi", "en"];
        var targets = new List<LinkTarget>
        {
            new(LinkType.DefaultLink, page, "text/html", both),
            new(LinkType.Traceability, page + "#timeline", "text/html", both),
            new(LinkType.Pip, $"{root}/01/{link.Gtin.Value}", "text/html", both),
            new(LinkType.CertificationInfo, page + "#ocop", "text/html", both),
        };
        if (link.Batch is { } batch)
        {
            var epc = Uri.EscapeDataString($"{root}/{batch.DigitalLink}");
            targets.Add(new(LinkType.Epcis, $"{root}/epcis/events?MATCH_anyEPCClass={epc}", "application/ld+json", []));
        }

        return targets;
    }

    /// <summary>The target of one link type, or null when the link has none of that type.</summary>
    public static LinkTarget? Find(DigitalLink link, string domain, LinkType type) =>
        Of(link, domain).FirstOrDefault(target => target.Type == type);
}
