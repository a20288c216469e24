namespace SupplyChain.Domain.Links;

/// <summary>The GS1 Web Vocabulary link types this resolver answers, and where each leads for a lot.</summary>
public sealed record LinkType(string Curie, string Title)
{
    public const string Namespace = "https://ref.gs1.org/voc/";

    public const string Prefix = "gs1:";

    /// <summary>The consumer page of the lot (or of the product when no lot is named).</summary>
    public static readonly LinkType DefaultLink = new("gs1:defaultLink", "Lot story");

    /// <summary>The traceability information: the same page, whose timeline is the lot's trace.</summary>
    public static readonly LinkType Traceability = new("gs1:traceability", "Traceability");

    /// <summary>The product information page: the product, its producer and OCOP rating.</summary>
    public static readonly LinkType Pip = new("gs1:pip", "Product information");

    /// <summary>The OCOP certificate as the page shows it.</summary>
    public static readonly LinkType CertificationInfo = new("gs1:certificationInfo", "OCOP certificate");

    /// <summary>The lot's EPCIS events, under /epcis.</summary>
    public static readonly LinkType Epcis = new("gs1:epcis", "EPCIS events");

    public static IReadOnlyList<LinkType> All { get; } = [DefaultLink, Traceability, Pip, CertificationInfo, Epcis];

    /// <summary>The full IRI: https://ref.gs1.org/voc/{name}.</summary>
    public string Iri => Namespace + Curie[Prefix.Length..];

    /// <summary>A known link type named as a CURIE (gs1:pip) or an IRI of GS1's vocabulary (old or new host); null when unknown.</summary>
    public static LinkType? Find(string? name)
    {
        var text = (name ?? "").Trim();
        foreach (var root in new[] { Prefix, Namespace, "https://gs1.org/voc/", "http://gs1.org/voc/" })
        {
            if (text.StartsWith(root, StringComparison.Ordinal))
            {
                var local = text[root.Length..];
                return All.FirstOrDefault(type => type.Curie[Prefix.Length..] == local);
            }
        }

        return null;
    }
}
