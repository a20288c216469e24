using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches.Planning;

/// <summary>
/// A transformation checked before any batch is touched: the part each input gives (with ids derived from the
/// transformation's) and which inputs gave theirs already (a retry after a crash). Inputs go first, then the first
/// output, then the others.
/// </summary>
public sealed record TransformPlan(TransformBatches Command, IReadOnlyList<UseInTransformation> Uses, IReadOnlyList<int> Given)
{
    /// <summary>Checks the outputs (new lots of registered products) and the actor, and finds the inputs that gave their part before.</summary>
    public static TransformPlan Of(TransformBatches c, IBatchLookup world)
    {
        var products = c.Outputs.Select(o => o.Batch.Gtin).Distinct().Select(g => (Gtin: g, Product: world.Product(g)))
            .Where(p => p.Product is not null).ToDictionary(p => p.Gtin, p => p.Product!);
        BatchRules.CheckTransform(c, products);
        world.RegisteredParticipant(c.Actor, "actor_gln");
        BatchRules.RequireNewOutputs(c, c.Outputs.Select(o => world.Batch(o.Batch)).ToList());
        var uses = c.Inputs.Select((_, i) => BatchRules.InputOf(c, i)).ToList();
        var given = Enumerable.Range(0, uses.Count).Where(i => world.Batch(uses[i].Batch) is { } input && input.Children.Contains(c.Outputs[0].Batch)).ToList();
        return new TransformPlan(c, uses, given);
    }

    /// <summary>Whether the transformation was cut short after inputs gave their parts, its first output not yet made: the retry finishes it.</summary>
    public static bool Started(TransformBatches c, IBatchLookup world) =>
        c.Outputs.Count > 0 && world.Batch(c.Outputs[0].Batch) is null && c.Inputs.Any(i => world.Batch(i.Batch) is { } s && s.Children.Contains(c.Outputs[0].Batch));

    /// <summary>The part each input that has not given yet would give; throws the first refusal.</summary>
    public IReadOnlyList<BatchTransformed> CheckInputs(IBatchLookup world, DateTimeOffset now) =>
        Enumerable.Range(0, Uses.Count).Where(i => !Given.Contains(i))
            .Select(i => BatchRules.UseInTransformation(world.Batch(Uses[i].Batch), Uses[i], now, $"inputs[{i}]")).ToList();

    /// <summary>The first output's creation, once every input gave its part.</summary>
    public BatchCreated First(IReadOnlyList<BatchTransformed> used) => BatchRules.TransformOutput(Command, used);

    /// <summary>The creation of output <paramref name="output"/> (1 and up), with an id derived from the transformation's.</summary>
    public BatchCreated Other(BatchCreated first, int output) => BatchRules.TransformOutput(Command, first, output);

    /// <summary>Gives input <paramref name="input"/> back the part it gave to a transformation that could not be completed.</summary>
    public RevertTransformation Revert(int input, Quantity used, string reason) =>
        new(EventId.Derived(Command.EventId, "untransform", input), Command.Inputs[input].Batch, Command.EventId, Command.Outputs, used, Command.Actor, Command.Location, reason);
}
