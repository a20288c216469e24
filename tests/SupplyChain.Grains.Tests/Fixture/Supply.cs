using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Abstractions.Batches;
using SupplyChain.Grains.Batches;
using SupplyChain.Abstractions.Participants;
using SupplyChain.Grains.Participants;
using SupplyChain.Abstractions.Products;
using SupplyChain.Grains.Products;

namespace SupplyChain.Grains.Tests.Fixture;

/// <summary>A fresh producer, distributor, retailer and lab, and a tea of the producer, registered through the grains.</summary>
internal sealed class Supply
{
    /// <summary>The tea's only limit: moisture at most 12.5 %.</summary>
    public static readonly Limit Moisture = Limit.Parse("moisture", null, 12.5, "%", "limits[0]");

    private Supply(IGrainFactory grains, Product tea)
    {
        Grains = grains;
        Tea = tea;
    }

    public IGrainFactory Grains { get; }

    public Gln Producer => Tea.ProducerGln;

    public Gln Distributor { get; } = Fresh.Gln();

    public Gln Retailer { get; } = Fresh.Gln();

    public Gln Lab { get; } = Fresh.Gln();

    public Product Tea { get; }

    public static async Task<Supply> RegisterAsync(IGrainFactory grains)
    {
        var producer = Fresh.Gln();
        var supply = new Supply(grains, Product.Create(Fresh.Gtin(), producer, "Shan tuyet tea", "tea", "KGM", new OcopRating(4, "OCOP-HG-2024-017", null, 0), [Moisture]));
        await Register(grains, producer, Role.Producer);
        await Register(grains, supply.Distributor, Role.Distributor);
        await Register(grains, supply.Retailer, Role.Retailer);
        await Register(grains, supply.Lab, Role.Lab);
        await grains.GetGrain<IProductGrain>(supply.Tea.Gtin.Value).RegisterAsync(supply.Tea);
        return supply;
    }

    public static Participant Party(Gln gln, Role role, string? name = null) =>
        Participant.Create(gln, name ?? $"participant {gln}", [role], "Ha Giang", "Vi Xuyen", "Cao Bo", ProducerKind.None);

    public static Quantity Kg(decimal value) => new(Quantity.Normalise(value), "KGM");

    public static Measurement Reading(string type, decimal value, string unit) => new(type, value, unit);

    public BatchRef NewLot() => new(Tea.Gtin, Fresh.Lot());

    public IBatchGrain Batch(BatchRef batch) => Grains.GetGrain<IBatchGrain>(batch.Key);

    /// <summary>The calls batch grains make on each other, for tests that stop a coordination half way.</summary>
    internal IBatchCoordination Coordination(BatchRef batch) => Grains.GetGrain<IBatchCoordination>(batch.Key);

    public CreateBatch Create(BatchRef batch, decimal kg, string? chainId = null) =>
        new(Fresh.EventId(), batch, Kg(kg), Producer, Producer, null, chainId);

    public RecordCheckpoint Checkpoint(BatchRef batch, Gln actor, CheckpointKind kind, params Measurement[] readings) =>
        new(Fresh.EventId(), batch, actor, kind, kind == CheckpointKind.FoodSafety ? "inspecting" : "drying", actor, null, readings, null);

    public ShipBatch Ship(BatchRef batch, Gln from, Gln to) => new(Fresh.EventId(), batch, from, to, null, from, null);

    public ReceiveBatch Receive(BatchRef batch, Gln by, decimal? kg = null, params Measurement[] readings) =>
        new(Fresh.EventId(), batch, by, true, kg is { } value ? Kg(value) : null, "good", by, null, readings, "");

    /// <summary>A new batch of the tea made by the producer.</summary>
    public async Task<BatchRef> ProduceAsync(decimal kg, string? chainId = null)
    {
        var batch = NewLot();
        await Batch(batch).CreateAsync(Create(batch, kg, chainId));
        return batch;
    }

    /// <summary>Puts a batch on hold: the lab's food-safety check finds too much moisture.</summary>
    public Task<BatchReply> FailFoodSafetyAsync(BatchRef batch) =>
        Batch(batch).RecordCheckpointAsync(Checkpoint(batch, Lab, CheckpointKind.FoodSafety, Reading("moisture", 14m, "%")));

    private static Task<ParticipantRecord> Register(IGrainFactory grains, Gln gln, Role role) =>
        grains.GetGrain<IParticipantGrain>(gln.Value).RegisterAsync(Party(gln, role));
}
