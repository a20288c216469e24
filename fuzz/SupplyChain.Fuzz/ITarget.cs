namespace SupplyChain.Fuzz;

/// <summary>One part of the service the fuzz run exercises, a random step at a time.</summary>
internal interface ITarget
{
    string Name { get; }

    /// <summary>What led to the last step's outcome, for a report: the steps of an episode, or the one input.</summary>
    IReadOnlyList<string> Sequence { get; }

    /// <summary>One random step; throws <see cref="InvariantBroken"/> or any unexpected exception on a break.</summary>
    void Step();
}
