using SupplyChain.Abstractions.Participants;
using SupplyChain.Domain;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Grains.Participants;

/// <summary>Stored state of a participant.</summary>
[GenerateSerializer]
[Alias("SupplyChain.ParticipantState")]
public sealed class ParticipantState
{
    [Id(0)]
    public ParticipantRecord? Record { get; set; }
}

public sealed class ParticipantGrain(
    [PersistentState("participant", StorageNames.Grains)] IPersistentState<ParticipantState> state,
    TimeProvider clock) : Grain, IParticipantGrain
{
    public async Task<ParticipantRecord> RegisterAsync(Participant participant)
    {
        if (state.State.Record is { } existing)
        {
            return existing.Participant.SameAs(participant)
                ? existing
                : throw DomainException.Exists($"participant {participant.Gln} is already registered with other details");
        }

        state.State.Record = new ParticipantRecord(participant, clock.GetUtcNow(), []);
        await state.SaveAsync(DeactivateOnIdle);
        return state.State.Record;
    }

    public Task<ParticipantRecord?> GetAsync() => Task.FromResult(state.State.Record);

    public async Task AddProductAsync(Gtin gtin)
    {
        var record = state.State.Record ?? throw DomainException.NotFound($"participant {this.GetPrimaryKeyString()} is not registered");
        if (record.Products.Contains(gtin))
        {
            return;
        }

        state.State.Record = record with { Products = record.Products.Append(gtin).ToList() };
        await state.SaveAsync(DeactivateOnIdle);
    }
}
