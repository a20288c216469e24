using System.Text.Json.Nodes;

namespace SupplyChain.Server.Tests.Epcis;

/// <summary>
/// A valid two-event capture document (a lot's shipment, then an inspection with a sensor reading) and damaged copies
/// of it, each with one fault the EPCIS 2.0 standard forbids and the JSON Pointer of the place it is at.
/// </summary>
internal static class InvalidCaptureBodies
{
    public const string Context = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    /// <summary>Where the second event, the one most faults are put in, is in the document.</summary>
    public const string Second = "/epcisBody/eventList/1";

    public static IReadOnlyDictionary<string, (Action<JsonObject> Damage, string Pointer)> Faults { get; } = new Dictionary<string, (Action<JsonObject>, string)>
    {
        ["action not ADD, OBSERVE or DELETE"] = (d => Event(d)["action"] = "MOVE", Second + "/action"),
        ["ObjectEvent without action"] = (d => Event(d).Remove("action"), Second + "/action"),
        ["no eventTime"] = (d => Event(d).Remove("eventTime"), Second + "/eventTime"),
        ["eventTime not a date and time"] = (d => Event(d)["eventTime"] = "yesterday at noon", Second + "/eventTime"),
        ["eventTime without its offset"] = (d => Event(d)["eventTime"] = "2026-01-05T10:00:00", Second + "/eventTime"),
        ["eventTimeZoneOffset without minutes"] = (d => Event(d)["eventTimeZoneOffset"] = "+7", Second + "/eventTimeZoneOffset"),
        ["epcList not an array"] = (d => Event(d)["epcList"] = "urn:epc:id:sgtin:0614141.107346.2017", Second + "/epcList"),
        ["identifier in epcList not a URI"] = (d => Event(d)["epcList"] = new JsonArray("pallet 7 at gate 3"), Second + "/epcList/0"),
        ["quantity as a string"] = (d => Event(d)["quantityList"]![0]!["quantity"] = "500", Second + "/quantityList/0/quantity"),
        ["quantity element without epcClass"] = (d => Event(d)["quantityList"]![0]!.AsObject().Remove("epcClass"), Second + "/quantityList/0/epcClass"),
        ["sensor value as a string"] = (d => Event(d)["sensorElementList"]![0]!["sensorReport"]![0]!["value"] = "26.5", Second + "/sensorElementList/0/sensorReport/0/value"),
        ["sensor report without type"] = (d => Event(d)["sensorElementList"]![0]!["sensorReport"]![0]!.AsObject().Remove("type"), Second + "/sensorElementList/0/sensorReport/0/type"),
        ["sensor element without sensorReport"] = (d => Event(d)["sensorElementList"]![0]!.AsObject().Remove("sensorReport"), Second + "/sensorElementList/0/sensorReport"),
        ["readPoint without id"] = (d => Event(d)["readPoint"] = new JsonObject { ["name"] = "gate 3" }, Second + "/readPoint/id"),
        ["errorDeclaration without declarationTime"] = (d => Event(d)["errorDeclaration"] = new JsonObject { ["reason"] = "incorrect_data" }, Second + "/errorDeclaration/declarationTime"),
        ["unknown event type"] = (d => Event(d)["type"] = "ShipmentEvent", Second + "/type"),
        ["TransactionEvent without bizTransactionList"] = (d => Event(d)["type"] = "TransactionEvent", Second + "/bizTransactionList"),
        ["AssociationEvent without parentID"] = (d => Replace(d, AssociationWithoutParent()), Second + "/parentID"),
        ["TransformationEvent with an action"] = (d => Replace(d, TransformationWithAction()), Second + "/action"),
        ["bizTransaction without its value"] = (d => Event(d)["bizTransactionList"] = new JsonArray(new JsonObject { ["type"] = "po" }), Second + "/bizTransactionList/0/bizTransaction"),
        ["destination without type"] = (d => Event(d)["destinationList"] = new JsonArray(new JsonObject { ["destination"] = "https://id.gs1.org/417/8931234500016" }), Second + "/destinationList/0/type"),
        ["document without creationDate"] = (d => d.Remove("creationDate"), "/creationDate"),
        ["eventList not an array"] = (d => d["epcisBody"]!["eventList"] = new JsonObject(), "/epcisBody/eventList"),
    };

    /// <summary>The valid document about a lot: its shipment to the distributor and an inspection on arrival.</summary>
    public static JsonObject Document(string lotLink, string distributor, DateTimeOffset at) => new()
    {
        ["@context"] = new JsonArray(Context),
        ["type"] = "EPCISDocument",
        ["schemaVersion"] = "2.0",
        ["creationDate"] = at.ToString("O"),
        ["epcisBody"] = new JsonObject
        {
            ["eventList"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "ObjectEvent", ["action"] = "OBSERVE", ["bizStep"] = "shipping", ["disposition"] = "in_transit",
                    ["eventTime"] = at.AddSeconds(-2).ToString("O"), ["eventTimeZoneOffset"] = "+07:00", ["epcList"] = new JsonArray(),
                    ["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = lotLink, ["quantity"] = 500, ["uom"] = "KGM" }),
                    ["destinationList"] = new JsonArray(new JsonObject { ["type"] = "possessing_party", ["destination"] = $"https://id.gs1.org/417/{distributor}" }),
                },
                new JsonObject
                {
                    ["type"] = "ObjectEvent", ["action"] = "OBSERVE", ["bizStep"] = "inspecting",
                    ["eventTime"] = at.AddSeconds(-1).ToString("O"), ["eventTimeZoneOffset"] = "+07:00", ["epcList"] = new JsonArray(),
                    ["quantityList"] = new JsonArray(new JsonObject { ["epcClass"] = lotLink, ["quantity"] = 500, ["uom"] = "KGM" }),
                    ["readPoint"] = new JsonObject { ["id"] = $"https://id.gs1.org/414/{distributor}" },
                    ["sensorElementList"] = new JsonArray(new JsonObject
                    {
                        ["sensorReport"] = new JsonArray(new JsonObject { ["type"] = "Temperature", ["value"] = 26.5, ["uom"] = "CEL" }),
                    }),
                }),
        },
    };

    /// <summary>A copy of the document with one fault.</summary>
    public static JsonObject Damaged(JsonObject document, string fault)
    {
        var copy = document.DeepClone().AsObject();
        Faults[fault].Damage(copy);
        return copy;
    }

    /// <summary>The second event alone, as POST /events takes it, with the document's context.</summary>
    public static JsonObject SecondEvent(JsonObject document)
    {
        var single = Event(document).DeepClone().AsObject();
        single["@context"] = new JsonArray(Context);
        return single;
    }

    private static JsonObject Event(JsonObject document) => document["epcisBody"]!["eventList"]![1]!.AsObject();

    private static void Replace(JsonObject document, JsonObject second) => document["epcisBody"]!["eventList"]![1] = second;

    private static JsonObject TransformationWithAction() => new()
    {
        ["type"] = "TransformationEvent", ["action"] = "ADD", ["bizStep"] = "commissioning",
        ["eventTime"] = "2026-01-05T10:00:00.000+07:00", ["eventTimeZoneOffset"] = "+07:00",
        ["inputEPCList"] = new JsonArray("urn:epc:id:sgtin:4012345.011122.25"), ["outputEPCList"] = new JsonArray("urn:epc:id:sgtin:4012345.077889.25"),
    };

    private static JsonObject AssociationWithoutParent() => new()
    {
        ["type"] = "AssociationEvent", ["action"] = "ADD", ["bizStep"] = "assembling",
        ["eventTime"] = "2026-01-05T10:00:00.000+07:00", ["eventTimeZoneOffset"] = "+07:00",
        ["childEPCs"] = new JsonArray("urn:epc:id:giai:4000001.12345"),
    };
}
