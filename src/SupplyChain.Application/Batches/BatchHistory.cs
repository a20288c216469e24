using SupplyChain.Domain.Batches;

namespace SupplyChain.Application.Batches;

/// <summary>
/// A page of a batch's stored events, the version to ask for next (0 at the end), and the declarations of the events
/// declared in error by the version of each declared event (a declaration may sit on a later page than its event).
/// </summary>
public sealed record BatchHistory(IReadOnlyList<StoredEvent> Events, long NextFromVersion, IReadOnlyDictionary<long, ErrorDeclaration> Declarations);
