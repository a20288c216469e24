namespace SupplyChain.Domain.Epcis.Repository;

/// <summary>
/// What a query reads: events by id (point reads), or index partitions merged in row-key order (read one after
/// another when <see cref="Consecutive"/>: record days never overlap), plus the logs of the lots it names by class.
/// </summary>
[GenerateSerializer, Immutable, Alias("SupplyChain.IndexRead")]
public sealed record IndexRead(
    [property: Id(0)] IReadOnlyList<string> EventIds,
    [property: Id(1)] IReadOnlyList<string> Partitions,
    [property: Id(2)] bool Consecutive,
    [property: Id(3)] IReadOnlyList<string> Lots);
