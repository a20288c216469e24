namespace SupplyChain.Domain.Epcis;

/// <summary>
/// Everything one EPCIS document says in our terms, in document order, and what of it was not kept;
/// <see cref="DeclarationCount"/> is how many of its events carry an errorDeclaration.
/// </summary>
public sealed record EpcisCapture(int EventCount, IReadOnlyList<ImportedEvent> Events, IReadOnlyList<ImportNote> Notes, int DeclarationCount = 0)
{
    /// <summary>Whether the document only declares earlier events in error (capturing it is the act of declaring, not of importing).</summary>
    public bool OnlyDeclarations => EventCount > 0 && DeclarationCount == EventCount;
}
