using SupplyChain.Domain;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Fuzz;

/// <summary>
/// The domain's parsers on random and mutated text and edge numbers: each gives a value or a <see cref="DomainException"/>,
/// never another exception, and a value it gives keeps its promise (a GTIN of 14 digits with a valid check digit, a lot
/// within its bound, a quantity positive and normalised, a batch key that reads back to the same batch).
/// </summary>
internal sealed class ParserTarget(Noise noise, Tally tally) : ITarget
{
    private static readonly string[] Uris =
    {
        "urn:epc:class:lgtin:4012345.012345.998877", "urn:epc:id:sgtin:0614141.107346.2017", "urn:epc:idpat:sgtin:4012345.098765.*",
        "https://id.gs1.org/01/08936047900107/10/VH-2611-01", "https://id.gs1.org/01/08936047900107/21/S1?x=1", "https://example.com/a/01/08936047900107",
        "urn:epc:id:sgln:0614141.00777.0", "urn:epc:id:sgln:4012345.00001.abc%2F", "urn:epc:id:pgln:0614141.00001", "https://id.gs1.org/414/8936047900010/254/7",
        "https://id.gs1.org/417/8936047900010", "urn:epc:id:sscc:0614141.1234567890", "http://a/414/", "mailto:x@y",
    };

    private readonly List<string> _sequence = new();

    public string Name => "parsers";

    public IReadOnlyList<string> Sequence => _sequence;

    public void Step()
    {
        _sequence.Clear();
        try
        {
            switch (noise.Below(14))
            {
                case 0:
                    Gtin();
                    break;
                case 1:
                    Gln();
                    break;
                case 2:
                    Lot();
                    break;
                case 3:
                    EventIdentifier();
                    break;
                case 4:
                    Batch();
                    break;
                case 5:
                    ChainId();
                    break;
                case 6:
                    FreeText();
                    break;
                case 7:
                    Amount();
                    break;
                case 8:
                    Reading();
                    break;
                case 9:
                    Limits();
                    break;
                case 10:
                    Identifier();
                    break;
                case 11:
                    Party();
                    break;
                case 12:
                    Item();
                    break;
                default:
                    Chain();
                    break;
            }

            tally.Count(Name, "value");
        }
        catch (DomainException refused)
        {
            tally.Count(Name, refused.Refusal.ToString());
        }
    }

    private string? Input(string what, string? text)
    {
        _sequence.Add($"{what} {Noise.Show(text)}");
        return text;
    }

    private void Gtin()
    {
        var text = Input("Gtin.Parse", noise.Text(noise.GtinText(), "08936047900107", "8936047900107"));
        var gtin = Domain.Identifiers.Gtin.Parse(text);
        Promise(gtin.Value.Length == 14 && Gs1.IsDigits(gtin.Value) && Gs1.HasValidCheckDigit(gtin.Value) && Domain.Identifiers.Gtin.Parse(gtin.Value) == gtin, $"GTIN {gtin.Value}");
    }

    private void Gln()
    {
        var text = Input("Gln.Parse", noise.Text(noise.GlnText(), "8936047900010"));
        var gln = noise.Chance(0.5) ? Domain.Identifiers.Gln.Parse(text) : Domain.Identifiers.Gln.ParseOptional(text, "gln");
        Promise(gln is null || gln.Value.Value.Length == 13 && Gs1.HasValidCheckDigit(gln.Value.Value), $"GLN {gln}");
    }

    private void Lot()
    {
        var lot = LotNumber.Parse(Input("LotNumber.Parse", noise.Text("VH-2611-01", "L1", "A/B.C", "12345678901234567890")));
        Promise(lot.Length is > 0 and <= Bounds.LotLength && lot.All(Gs1.IsCharacterSet82), $"lot {Noise.Show(lot)}");
    }

    private void EventIdentifier()
    {
        var id = EventId.Parse(Input("EventId.Parse", noise.Text("create-1", "01HZX3:ab_c.d", "e~merge0")));
        Promise(id.Length is > 0 and <= Bounds.EventIdLength && !id.Contains('~', StringComparison.Ordinal), $"event id {Noise.Show(id)}");
    }

    private void Batch()
    {
        var gtin = Input("BatchRef.Parse gtin", noise.Text(noise.GtinText()));
        var lot = Input("BatchRef.Parse lot", noise.Text("L/1", "%2F", "A.B"));
        var batch = BatchRef.Parse(gtin, lot);
        Promise(BatchRef.FromKey(batch.Key) == batch && batch.DigitalLink.StartsWith("01/" + batch.Gtin.Value + "/10/", StringComparison.Ordinal), $"batch {batch.Key}");
    }

    private void ChainId()
    {
        var id = ChainDefinition.ParseId(Input("ChainDefinition.ParseId", noise.Text("tea-north", "cold")));
        Promise(id.Length is > 0 and <= Bounds.ChainIdLength, $"chain id {Noise.Show(id)}");
    }

    private void FreeText()
    {
        var max = noise.Pick(new[] { Bounds.TextLength, Bounds.WordLength, Bounds.PlaceNameLength, Bounds.RecallReasonLength });
        var text = Input($"Text (at most {max})", noise.Text("sealed bags", "Bac Lieu", "Hà Nội"));
        var value = noise.Chance(0.5) ? Text.Required(text, "field", max) : Text.Optional(text, "field", max);
        Promise(value.Length <= max && !value.Any(char.IsControl) && !value.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) && value == value.Trim(), $"text {Noise.Show(value)}");
    }

    private void Amount()
    {
        var value = noise.Number();
        var unit = Input($"Quantity.Parse {value:R}", noise.Text("KGM", "H87", "ltr", "TNE"));
        var quantity = Quantity.Parse(value, unit);
        Promise(
            quantity.Value is > 0 and <= 1_000_000_000_000m && Quantity.Units.ContainsKey(quantity.Unit) && Quantity.Normalise(quantity.Value) == quantity.Value
            && (quantity.Unit != "H87" || quantity.Value == decimal.Truncate(quantity.Value)),
            $"quantity {quantity}");
    }

    private void Reading()
    {
        var value = noise.Number();
        var type = Input($"Measurement.Parse {value:R} type", noise.Text("temperature", "moisture", "nacl%"));
        var unit = Input("Measurement.Parse unit", noise.Text("CEL", "P1", "MG_KG"));
        var reading = Measurement.Parse(type, value, unit, "measurements[0]");
        Promise(Math.Abs(reading.Value) <= 1_000_000_000_000m && reading.Type.Length <= Bounds.MeasurementTypeLength, $"reading {reading}");
    }

    private void Limits()
    {
        double? min = noise.Chance(0.7) ? noise.Number() : null;
        double? max = noise.Chance(0.7) ? noise.Number() : null;
        var type = Input($"Limit.Parse min {min:R} max {max:R} type", noise.Text("temperature", "lead"));
        var limit = Limit.Parse(type, min, max, Input("Limit.Parse unit", noise.Text("CEL", "MG_KG")), "limits[0]");
        Promise((limit.Min is not null || limit.Max is not null) && !(limit.Min > limit.Max), $"limit {limit}");
    }

    private void Identifier()
    {
        var uri = Input("EpcisIdentifier", noise.Text(Uris)) ?? "";
        if (noise.Chance(0.5))
        {
            var mapped = EpcisIdentifier.ParseObject(uri, "epcList[0]");
            Promise((mapped.Batch is null) == (mapped.Reason.Length > 0) && (mapped.Batch is null || mapped.Batch.Lot.Length <= Bounds.LotLength), $"object {mapped}");
        }
        else
        {
            var mapped = EpcisIdentifier.ParseLocation(uri, "bizLocation.id");
            Promise(mapped.Gln is null || Gs1.HasValidCheckDigit(mapped.Gln.Value.Value), $"location {mapped}");
        }
    }

    private void Party()
    {
        var roles = Enumerable.Range(0, noise.Below(4)).Select(_ => (Role)noise.Between(0, 7)).ToList();
        var kind = (ProducerKind)noise.Between(-1, 4);
        _sequence.Add($"Participant.Create roles [{string.Join(", ", roles.Select(r => (int)r))}] kind {(int)kind}");
        Participant.Create(
            Domain.Identifiers.Gln.FromBody("893604790001"), Input("name", noise.Text("Vinh Hau cooperative")), roles,
            Input("province", noise.Text("Bac Lieu")), Input("district", noise.Text("Hoa Binh")), Input("commune", noise.Text("Vinh Hau")), kind);
    }

    private void Item()
    {
        var stars = noise.Pick(new[] { 0, 3, 4, 5, noise.Between(-2, 9) });
        var pending = noise.Pick(new[] { 0, 4, 5, noise.Between(-2, 9) });
        _sequence.Add($"Product.Create stars {stars} pending {pending}");
        var limits = Enumerable.Range(0, noise.Chance(0.05) ? Bounds.LimitsPerProduct + 1 : noise.Below(3))
            .Select(i => new Limit(noise.Chance(0.8) ? $"t{i}" : "t0", null, 1m, "CEL")).ToList();
        Product.Create(
            Domain.Identifiers.Gtin.FromBody("0893604790101"), Domain.Identifiers.Gln.FromBody("893604790001"), Input("name", noise.Text("Sea salt")),
            Input("category", noise.Text("salt")), Input("unit", noise.Text("KGM", "H87")), new OcopRating(stars, Input("certificate", noise.Text("OCOP-1")) ?? "", null, pending), limits);
    }

    private void Chain()
    {
        var stages = Enumerable.Range(0, noise.Chance(0.05) ? Bounds.StagesPerChain + 1 : noise.Below(4)).Select(i => new Stage(
            noise.Chance(0.9) ? $"s{i}" : "s0",
            Enumerable.Range(0, noise.Below(3)).Select(_ => Domain.Identifiers.Gln.FromBody("89360479000" + noise.Below(3))).ToList(),
            Enumerable.Range(0, noise.Chance(0.05) ? Bounds.LimitsPerStage + 1 : noise.Below(3)).Select(j => new Limit(noise.Chance(0.8) ? $"t{j}" : "t0", 0m, 1m, "CEL")).ToList(),
            Enumerable.Range(0, noise.Chance(0.05) ? Bounds.ReadingsRequiredPerStage + 1 : noise.Below(3)).Select(j => $"t{j}").ToList())).ToList();
        var hours = noise.Pick(new[] { 0, 48, -1, int.MaxValue });
        _sequence.Add($"ChainDefinition.Create {stages.Count} stages, max transit {hours} h");
        ChainDefinition.Create("c", Input("name", noise.Text("Cold chain")), stages, hours);
    }

    private void Promise(bool kept, string value)
    {
        if (!kept)
        {
            throw new InvariantBroken($"a parser accepted what it promises to refuse: {value}");
        }
    }
}
