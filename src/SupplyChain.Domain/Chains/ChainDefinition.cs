using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Chains;

/// <summary>One stage of a chain: whose custody puts a batch here and what it must meet here.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Stage")]
public sealed record Stage(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<Gln> Participants,
    [property: Id(2)] IReadOnlyList<Limit> Limits,
    [property: Id(3)] IReadOnlyList<string> RequiredAtHandoff);

/// <summary>A named route from production to retail, with requirements per stage.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ChainDefinition")]
public sealed record ChainDefinition(
    [property: Id(0)] string ChainId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<Stage> Stages,
    [property: Id(3)] int MaxTransitHours)
{
    /// <summary>The stage a custodian's custody puts a batch at, or null when it is off the chain.</summary>
    public Stage? StageOf(Gln custodian) => Stages.FirstOrDefault(s => s.Participants.Contains(custodian));

    public static string ParseId(string? text, string field = "chain_id")
    {
        var id = (text ?? "").Trim();
        if (id.Length == 0)
        {
            throw DomainException.Invalid(field, "is required");
        }

        if (id.Length > Bounds.ChainIdLength || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw DomainException.Invalid(field, $"'{id}' must be 1 to {Bounds.ChainIdLength} of a-z, 0-9 and '-'");
        }

        return id;
    }

    public static ChainDefinition Create(string chainId, string? name, IReadOnlyList<Stage> stages, int maxTransitHours)
    {
        if (stages.Count == 0)
        {
            throw DomainException.Invalid("stages", "a chain needs at least one stage");
        }

        Bounds.Count(stages.Count, Bounds.StagesPerChain, "stages", "stages");

        if (maxTransitHours < 0)
        {
            throw DomainException.Invalid("max_transit_hours", "must not be negative");
        }

        var named = new HashSet<string>();
        var placed = new Dictionary<Gln, string>();
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (!named.Add(stage.Name))
            {
                throw DomainException.Invalid($"stages[{i}].name", $"'{stage.Name}' names two stages");
            }

            Bounds.Count(stage.Participants.Count, Bounds.ParticipantsPerStage, $"stages[{i}].participant_glns", "participants");
            Bounds.Count(stage.Limits.Count, Bounds.LimitsPerStage, $"stages[{i}].limits", "limits");
            Bounds.Count(stage.RequiredAtHandoff.Count, Bounds.ReadingsRequiredPerStage, $"stages[{i}].required_at_handoff", "readings");

            foreach (var gln in stage.Participants)
            {
                if (!placed.TryAdd(gln, stage.Name) && placed[gln] != stage.Name)
                {
                    throw DomainException.Invalid($"stages[{i}].participant_glns", $"{gln} is already in stage '{placed[gln]}'");
                }
            }

            var twice = stage.Limits.GroupBy(l => l.Type).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                throw DomainException.Invalid($"stages[{i}].limits", $"'{twice.Key}' is limited twice");
            }
        }

        return new ChainDefinition(chainId, Text.Required(name, "name"), stages, maxTransitHours);
    }

    public bool SameAs(ChainDefinition other) =>
        ChainId == other.ChainId && Name == other.Name && MaxTransitHours == other.MaxTransitHours
        && Stages.Count == other.Stages.Count
        && Stages.Zip(other.Stages).All(p => p.First.Name == p.Second.Name
            && p.First.Participants.SequenceEqual(p.Second.Participants)
            && p.First.Limits.SequenceEqual(p.Second.Limits)
            && p.First.RequiredAtHandoff.SequenceEqual(p.Second.RequiredAtHandoff));
}
