using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Abstractions.Alerts;

/// <summary>
/// One audience's alert log and its live listeners, keyed by <see cref="AlertAudience"/> ("participant/{gln}" or
/// "chain/{id}"): each alert is stored with the next id before it is handed to the listeners.
/// </summary>
[Alias("SupplyChain.IAlertHubGrain")]
public interface IAlertHubGrain : IGrainWithStringKey
{
    /// <summary>Adds a listener, or renews it (a listener not renewed within a minute is dropped): the id of the last alert stored so far.</summary>
    [Alias("Subscribe")]
    Task<long> SubscribeAsync(IAlertObserver listener);

    /// <summary>Removes a listener.</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IAlertObserver listener);

    /// <summary>Stores an alert (once, however often it is raised) and hands it to the listeners: its entry in the log.</summary>
    [Alias("Append")]
    Task<AlertEntry> AppendAsync(Alert alert);

    /// <summary>Stored alerts after an id, oldest first, at most <paramref name="max"/>.</summary>
    [Alias("Read")]
    Task<IReadOnlyList<AlertEntry>> ReadAsync(long after, int max);

    /// <summary>Stored alerts not acknowledged yet, oldest first, at most <paramref name="max"/>.</summary>
    [Alias("Unread")]
    Task<IReadOnlyList<AlertEntry>> UnreadAsync(int max);

    /// <summary>Marks alerts acknowledged (stored); an id beyond the last alert is refused. Acknowledged through which id.</summary>
    [Alias("Acknowledge")]
    Task<long> AcknowledgeAsync(AlertAcknowledgement acknowledgement);

    /// <summary>The stored alert with this identity, or null when the audience never got it.</summary>
    [Alias("Find")]
    Task<AlertEntry?> FindAsync(string alertId);

    /// <summary>The stored alert of a kind about a batch (the first), or null.</summary>
    [Alias("FindAbout")]
    Task<AlertEntry?> FindAboutAsync(BatchRef batch, AlertKind kind);
}
