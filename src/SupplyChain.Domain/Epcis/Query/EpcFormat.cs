using System.Text.Json.Nodes;
using SupplyChain.Domain.Epcis.HashId;

namespace SupplyChain.Domain.Epcis.Query;

/// <summary>
/// How a query answer writes identifiers (the binding's GS1-EPC-Format header): as GS1 Digital Links, the default, or as
/// captured. EPC URNs become Digital Links; the reverse needs each company prefix's length, which a link does not carry.
/// </summary>
public enum EpcFormat
{
    DigitalLink = 1,
    AsCaptured = 2,
}

/// <summary>Reads the header and rewrites an event's identifiers in the format asked.</summary>
public static class EpcFormats
{
    public const string Header = "GS1-EPC-Format";

    /// <summary>The identifier lists of an event, each holding EPCs.</summary>
    private static readonly string[] Lists = ["epcList", "childEPCs", "inputEPCList", "outputEPCList"];

    /// <summary>The quantity lists of an event, each element naming a class in epcClass.</summary>
    private static readonly string[] QuantityLists = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"];

    /// <summary>The format a header value asks for; null when it asks for URNs, which this repository cannot write.</summary>
    public static EpcFormat? Read(string? header) => (header ?? "").Trim() switch
    {
        "" or "Always_GS1_Digital_Link" => EpcFormat.DigitalLink,
        "No_Preference" or "Never_Translates" => EpcFormat.AsCaptured,
        "Always_EPC_URN" => null,
        var other => throw DomainException.Invalid(Header, $"'{other}' is not No_Preference, Always_GS1_Digital_Link, Always_EPC_URN or Never_Translates"),
    };

    /// <summary>Rewrites the event's EPCs, classes, parent and locations in place.</summary>
    public static void Apply(JsonObject epcisEvent, EpcFormat format)
    {
        if (format == EpcFormat.AsCaptured)
        {
            return;
        }

        foreach (var list in Lists)
        {
            if (epcisEvent[list] is JsonArray ids)
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    ids[i] = Link(ids[i]);
                }
            }
        }

        foreach (var list in QuantityLists)
        {
            foreach (var quantity in (epcisEvent[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                quantity["epcClass"] = Link(quantity["epcClass"]);
            }
        }

        if (epcisEvent["parentID"] is { } parent)
        {
            epcisEvent["parentID"] = Link(parent);
        }

        foreach (var place in new[] { "readPoint", "bizLocation" })
        {
            if (epcisEvent[place] is JsonObject location)
            {
                location["id"] = Link(location["id"]);
            }
        }
    }

    /// <summary>An EPC URN as its Digital Link; anything else unchanged.</summary>
    private static JsonNode? Link(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith("urn:epc:", StringComparison.Ordinal)
            ? JsonValue.Create(CanonicalIdentifier.Normalise(text))
            : node?.DeepClone();
}
