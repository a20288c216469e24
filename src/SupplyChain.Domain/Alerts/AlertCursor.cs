namespace SupplyChain.Domain.Alerts;

/// <summary>
/// Where a listener stands in its audience's log: the last id it was sent. Live and replayed alerts meet here, so that
/// none is sent twice and a gap (a live alert lost or dropped) is read from the log before the alert after it.
/// </summary>
public sealed class AlertCursor(long last)
{
    /// <summary>The id of the last alert sent (0: none yet).</summary>
    public long Last { get; private set; } = last;

    /// <summary>Whether an alert with this id is still to be sent.</summary>
    public bool Due(long id) => id > Last;

    /// <summary>Records an alert as sent; only the one after the last may be.</summary>
    public void Sent(long id)
    {
        if (id != Last + 1)
        {
            throw new InvalidOperationException($"alert {id} sent after alert {Last}: alerts go out in order, without gaps");
        }

        Last = id;
    }
}
