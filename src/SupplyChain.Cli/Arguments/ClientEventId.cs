namespace SupplyChain.Cli.Arguments;

/// <summary>The idempotency key of a write: --event-id, or a fresh "cli-" GUID the user can retry with.</summary>
internal sealed record ClientEventId(string Value, bool Generated)
{
    public static ClientEventId From(CommandLine line) =>
        line.Optional("event-id") is { } given
            ? new ClientEventId(given, Generated: false)
            : new ClientEventId($"cli-{Guid.NewGuid():D}", Generated: true);

    /// <summary>Prints a generated id before the call, so a failed or lost call can be retried without a duplicate.</summary>
    public void Announce(TextWriter output)
    {
        if (Generated)
        {
            output.WriteLine($"event id {Value} (generated; to retry, repeat the command with --event-id {Value})");
        }
    }
}
