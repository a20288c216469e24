using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;

namespace SupplyChain.Domain.Batches;

/// <summary>The rules of a transformation: the check before any batch is touched, each input's part, its undoing, the outputs.</summary>
public static partial class BatchRules
{
    /// <summary>
    /// Checks a transformation before any batch is touched: one to 100 distinct inputs, one to 100 distinct new outputs
    /// (none of them an input), each output a lot of a registered product (<paramref name="products"/>: those known) in
    /// that product's unit.
    /// </summary>
    public static void CheckTransform(TransformBatches c, IReadOnlyDictionary<Gtin, Product> products)
    {
        if (c.Inputs.Count == 0)
        {
            throw DomainException.Invalid("inputs", "a transformation needs at least one input batch");
        }

        if (c.Inputs.Count > Bounds.InputsPerTransform)
        {
            throw DomainException.Invalid("inputs", $"has {c.Inputs.Count} batches, at most {Bounds.InputsPerTransform} are allowed");
        }

        if (c.Outputs.Count == 0)
        {
            throw DomainException.Invalid("outputs", "a transformation needs at least one output batch");
        }

        if (c.Outputs.Count > Bounds.OutputsPerTransform)
        {
            throw DomainException.Invalid("outputs", $"has {c.Outputs.Count} batches, at most {Bounds.OutputsPerTransform} are allowed");
        }

        var inputs = new HashSet<BatchRef>();
        for (var i = 0; i < c.Inputs.Count; i++)
        {
            if (!inputs.Add(c.Inputs[i].Batch))
            {
                throw DomainException.Invalid($"inputs[{i}]", $"names batch {c.Inputs[i].Batch} twice");
            }
        }

        var outputs = new HashSet<BatchRef>();
        for (var j = 0; j < c.Outputs.Count; j++)
        {
            var output = c.Outputs[j];
            if (inputs.Contains(output.Batch))
            {
                throw DomainException.Invalid($"outputs[{j}]", $"{output.Batch} is also an input: a transformation makes new lots");
            }

            if (!outputs.Add(output.Batch))
            {
                throw DomainException.Invalid($"outputs[{j}]", $"names batch {output.Batch} twice");
            }

            var product = products.GetValueOrDefault(output.Batch.Gtin)
                ?? throw DomainException.Precondition($"outputs[{j}]: product {output.Batch.Gtin} is not registered");
            if (output.Quantity.Unit != product.Unit)
            {
                throw DomainException.Invalid($"outputs[{j}].quantity.unit", $"{output.Quantity.Unit} differs from the unit {product.Unit} of product {product.Gtin}");
            }
        }
    }

    /// <summary>Refuses a transformation when any of its output lots exists already (<paramref name="outputs"/>: their states, in order).</summary>
    public static void RequireNewOutputs(TransformBatches c, IReadOnlyList<BatchState?> outputs)
    {
        for (var j = 0; j < c.Outputs.Count; j++)
        {
            if (outputs[j] is not null)
            {
                throw DomainException.Exists($"outputs[{j}]: batch {c.Outputs[j].Batch} already exists: a transformation makes new lots");
            }
        }
    }

    /// <summary>The command by which input <paramref name="input"/> gives its part, with an id derived from the transformation's.</summary>
    public static UseInTransformation InputOf(TransformBatches c, int input) =>
        new(EventId.Derived(c.EventId, "transform", input), c.Inputs[input].Batch, c.EventId, c.Inputs[input].Quantity, c.Outputs, c.Actor, c.Location, c.TransformedAt);

    /// <summary>
    /// The event by which one input gives its part to a transformation: the amount named, or all it holds. Only its
    /// custodian transforms it, and only while it is active; it cannot give more than it holds.
    /// </summary>
    /// <param name="field">The request field that names the input, for refusals.</param>
    public static BatchTransformed UseInTransformation(BatchState? state, UseInTransformation c, DateTimeOffset now, string field = "inputs")
    {
        var batch = state ?? throw DomainException.NotFound($"{field}: batch {c.Batch} does not exist");
        if (batch.Custodian != c.Actor)
        {
            throw DomainException.Denied($"batch {c.Batch} is held by {batch.Custodian}: only its custodian may transform it");
        }

        RequireMovable(batch, "transformed");
        var used = c.Quantity ?? batch.Quantity;
        if (used.Unit != batch.Quantity.Unit)
        {
            throw DomainException.Invalid($"{field}.quantity.unit", $"{used.Unit} differs from the unit {batch.Quantity.Unit} of batch {c.Batch}");
        }

        if (used.Value > batch.Quantity.Value)
        {
            throw DomainException.Precondition($"{field}: uses {used} of batch {c.Batch}, more than the {batch.Quantity} it holds: quantities are conserved");
        }

        var at = EventTime(c.TransformedAt, now, "transformed_at", batch.UpdatedAt);
        return new BatchTransformed(c.EventId, c.Actor, c.Location, at, c.TransformationId, used, batch.Quantity.Subtract(used), c.Outputs);
    }

    /// <summary>Gives an input back its part in a transformation that could not be completed.</summary>
    public static TransformReverted RevertTransformation(BatchState? state, RevertTransformation c, DateTimeOffset now)
    {
        var batch = Existing(state, c.Batch);
        if (c.Outputs.Any(o => !batch.Children.Contains(o.Batch)))
        {
            throw DomainException.Precondition($"batch {c.Batch} did not go into transformation {c.TransformationId}");
        }

        return new TransformReverted(c.EventId, c.Actor, c.Location, now, c.TransformationId, c.Outputs, c.Quantity, c.Reason);
    }

    /// <summary>
    /// The first output's creation, once every input has given its part: it lists each input with the amount it gave,
    /// takes the transformation's event id and is produced by the actor (on no chain: its product is a new one).
    /// </summary>
    public static BatchCreated TransformOutput(TransformBatches c, IReadOnlyList<BatchTransformed> used)
    {
        var first = c.Outputs[0];
        var inputs = c.Inputs.Zip(used, (input, u) => new BatchPart(input.Batch, u.Used)).ToList();
        var at = c.TransformedAt ?? used.Max(u => u.EventTime);
        return new BatchCreated(c.EventId, c.Actor, c.Location, at, first.Batch.Gtin, first.Batch.Lot, first.Quantity, c.Actor, null, Origin.Transformed, inputs);
    }

    /// <summary>The creation of output <paramref name="output"/> (1 and up) as the first output's, with an id derived from the transformation's.</summary>
    public static BatchCreated TransformOutput(TransformBatches c, BatchCreated first, int output)
    {
        var part = c.Outputs[output];
        return first with { EventId = EventId.Derived(c.EventId, "output", output), Gtin = part.Batch.Gtin, Lot = part.Batch.Lot, Quantity = part.Quantity };
    }
}
