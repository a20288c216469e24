namespace SupplyChain.Abstractions.Epcis;

/// <summary>One capture as GET /capture/{id} shows it: who sent it, when, how it ended, and the events refused.</summary>
[GenerateSerializer, Immutable, Alias("SupplyChain.CaptureJob")]
public sealed record CaptureJob(
    [property: Id(0)] string Id,
    [property: Id(1)] string Owner,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? FinishedAt,
    [property: Id(4)] bool Success,
    [property: Id(5)] int EventCount,
    [property: Id(6)] IReadOnlyList<string> Errors,
    [property: Id(7)] string Behaviour);
