using System.Text.Json;
using System.Text.Json.Nodes;
using SupplyChain.Domain;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Traces;
using SupplyChain.Fuzz.World;

namespace SupplyChain.Fuzz;

/// <summary>
/// EPCIS capture on damaged documents: the GS1 examples and exports of the batch world, with values removed, replaced,
/// doubled or edited, and now and then the text itself cut or edited. Reading, planning and rehearsing give a capture
/// or a <see cref="DomainException"/>; a document whose rehearsal passes is then applied command by command to a fresh
/// world, where no command may be refused (the rehearsal promised) and every invariant must hold after.
/// </summary>
internal sealed class EpcisTarget(Noise noise, Tally tally, WorldTarget source, string? examplesFolder) : ITarget
{
    private readonly IReadOnlyList<(string Name, string Text)> _examples = Examples(examplesFolder);
    private const string Empty = """{"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-05T07:00:00Z", "epcisBody": {"eventList": []}}""";

    private readonly List<string> _sequence = new();

    public string Name => "epcis";

    public IReadOnlyList<string> Sequence => _sequence;

    /// <summary>Whether the GS1 example documents were found (else only exports are used).</summary>
    public bool HasExamples => _examples.Count > 0;

    public void Step()
    {
        _sequence.Clear();
        var (name, original, producer) = Document();
        var text = Damage(original);
        var actor = producer is { } p && noise.Chance(0.7) ? p : noise.Pick(Cast.Parties);
        _sequence.Add($"import {name} as {actor}, after damage: {text}");
        var world = new BatchWorld(source.World.Now);
        IReadOnlyList<ImportStep> steps;
        try
        {
            var capture = EpcisImport.Parse(text);
            steps = ImportPlan.Commands(capture, actor);
            ImportPlan.Rehearse(steps, world.ForImport(), world.Now);
        }
        catch (DomainException refused)
        {
            tally.Count(Name, refused.Refusal.ToString());
            return;
        }

        foreach (var step in steps)
        {
            try
            {
                world.Apply(step);
            }
            catch (DomainException refused)
            {
                throw new InvariantBroken($"the rehearsal passed but the command of eventList[{step.Index}] ({step.Kind} {step.Target}) was refused when applied: {refused.Message}");
            }
        }

        WorldInvariants.Check(world, world.TakeTouched());
        tally.Count(Name, steps.Count == 0 ? "imported nothing" : "imported");
    }

    /// <summary>A GS1 example, or the export of a batch's trace back in the batch world, with the party that produced its first lot.</summary>
    private (string Name, string Text, Gln? Producer) Document()
    {
        var world = source.World;
        if (_examples.Count > 0 && noise.Chance(0.3) || world.Logs.Count == 0)
        {
            var (name, example) = noise.Pick(_examples.Count > 0 ? _examples : new List<(string, string)> { ("an empty document", Empty) });
            return (name, example, null);
        }

        var batch = noise.Pick(world.Logs.Keys.ToList());
        var members = Genealogy.TraceBackAsync(batch, world.Fetch).GetAwaiter().GetResult().Members.Select(m => world.Logs[m.Node.State.Ref]).ToList();
        var names = Cast.Products.ToDictionary(p => p.Key, p => p.Value.Name);
        var document = EpcisExport.Write(members.Select(l => (l.Batch, l.Events)).ToList(), world.Now, names);
        return ($"the trace back of {batch} ({members.Count} batches)", document, members.Select(m => m.State!.Producer).First());
    }

    /// <summary>Structural damage to the JSON mostly, to the text now and then, none at all sometimes.</summary>
    private string Damage(string text)
    {
        if (noise.Chance(0.15))
        {
            return text;
        }

        if (noise.Chance(0.1))
        {
            return noise.Chance(0.5) ? noise.Mutate(text) : text[..noise.Below(text.Length)];
        }

        var root = JsonNode.Parse(text)!;
        for (var edits = noise.Between(1, 3); edits > 0; edits--)
        {
            var places = new List<(JsonNode Parent, string? Key, int Index)>();
            Collect(root, places);
            if (places.Count == 0)
            {
                break;
            }

            var (parent, key, index) = noise.Pick(places);
            var node = key is null ? parent[index] : parent[key];
            switch (noise.Below(5))
            {
                case 0:
                    if (parent is JsonObject o)
                    {
                        o.Remove(key!);
                    }
                    else
                    {
                        parent.AsArray().RemoveAt(index);
                    }

                    break;
                case 1 when parent is JsonArray a:
                    a.Insert(index, node?.DeepClone());
                    break;
                case 2 when node is JsonValue v && v.TryGetValue<string>(out var s):
                    Set(parent, key, index, JsonValue.Create(noise.Mutate(s)));
                    break;
                default:
                    Set(parent, key, index, Value());
                    break;
            }
        }

        return root.ToJsonString();
    }

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (key is null)
        {
            parent[index] = value;
        }
        else
        {
            parent[key] = value;
        }
    }

    private JsonNode? Value()
    {
        var number = noise.Number();
        return noise.Below(6) switch
        {
            0 => null,
            1 => double.IsFinite(number) ? JsonValue.Create(number) : JsonValue.Create(number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            2 => JsonValue.Create(noise.Chance(0.5)),
            3 => noise.Chance(0.5) ? new JsonObject() : new JsonArray(),
            _ => JsonValue.Create(noise.Text(
                "2026-01-05T07:00:00.000+07:00", "2026-01-05T07:00:00Z", "urn:epc:class:lgtin:8936047.900010.L1", "https://id.gs1.org/01/08936047901016/10/L1",
                "https://id.gs1.org/414/8936047900010", "shipping", "receiving", "ADD", "OBSERVE", "DELETE", "KGM", "ObjectEvent", "TransformationEvent") ?? ""),
        };
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> places)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    places.Add((o, key, -1));
                    if (child is not null)
                    {
                        Collect(child, places);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    places.Add((a, null, i));
                    if (a[i] is { } child)
                    {
                        Collect(child, places);
                    }
                }

                break;
        }
    }

    private static IReadOnlyList<(string Name, string Text)> Examples(string? folder) =>
        folder is null || !Directory.Exists(folder)
            ? new List<(string, string)>()
            : Directory.GetFiles(folder, "*.jsonld").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
}
