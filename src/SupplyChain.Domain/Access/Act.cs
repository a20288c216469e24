namespace SupplyChain.Domain.Access;

/// <summary>Everything a caller may ask of the service, through any door.</summary>
public enum Act
{
    RegisterParticipant = 1,
    DefineChain = 2,
    RegisterProduct = 3,
    CreateBatch = 4,
    ProductionCheckpoint = 5,
    EnvironmentalCheckpoint = 6,
    FoodSafetyCheckpoint = 7,
    Ship = 8,
    Receive = 9,
    Split = 10,
    Merge = 11,
    Transform = 12,
    Recall = 13,
    Hold = 14,
    Import = 15,
    ListBatches = 16,
    WatchAlerts = 17,
    ReadBatch = 18,
    ReadChain = 19,
    ReadRegistry = 20,
    PublicLotPage = 21,
    DefineQuery = 40,
    ReadQueries = 41,
    DeleteQuery = 42,
    Subscribe = 43,
}
