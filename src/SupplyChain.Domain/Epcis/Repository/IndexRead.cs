namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>
/// What a query reads: events by id (point reads), or index partitions merged in row-key order (read one after
/// another when <see cref="Consecutive"/>: record days never overlap), plus the logs of the lots it names by class, plus
/// the record days (<see cref="Days"/>) whose inline events (those the batches recorded) have one of the partitions
/// in their column for it.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplyChain.IndexRead")]
public sealed record IndexRead(
    [property: Id(0)] IReadOnlyList<string> EventIds,
    [property: Id(1)] IReadOnlyList<string> Partitions,
    [property: Id(2)] bool Consecutive,
    [property: Id(3)] IReadOnlyList<string> Lots,
    [property: Id(4)] IReadOnlyList<string> Days);
