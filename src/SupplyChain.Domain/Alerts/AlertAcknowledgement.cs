namespace SupplyChain.Domain.Alerts;

/// <summary>Which alerts a participant marks as read: every one up to <see cref="Through"/> (0: none that way), and the <see cref="Ids"/> listed.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.AlertAcknowledgement")]
public sealed record AlertAcknowledgement(
    [property: Id(0)] long Through,
    [property: Id(1)] IReadOnlyList<long> Ids)
{
    /// <summary>Reads a request's fields: ids positive, within the bound, and at least one way of naming alerts.</summary>
    public static AlertAcknowledgement Parse(long through, IReadOnlyList<long> ids)
    {
        if (through < 0)
        {
            throw DomainException.Invalid("through_id", $"{through} is negative; alert ids start at 1");
        }

        Bounds.Count(ids.Count, Bounds.AlertsPerAcknowledgement, "ids", "alert ids");
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] <= 0)
            {
                throw DomainException.Invalid($"ids[{i}]", $"{ids[i]} is not an alert id; alert ids start at 1");
            }
        }

        return through == 0 && ids.Count == 0
            ? throw DomainException.Invalid("through_id", "name the alerts to acknowledge: through_id, ids, or both")
            : new AlertAcknowledgement(through, ids.Distinct().Order().ToList());
    }

    /// <summary>Refuses an id beyond the audience's last alert (NOT_FOUND naming the field), before anything is stored.</summary>
    public void Check(long lastId, string audience)
    {
        if (Through > lastId)
        {
            throw DomainException.NotFound($"through_id: alert {Through} is not in {audience}'s alerts (the last is {lastId})");
        }

        if (Ids.Count > 0 && Ids[^1] > lastId)
        {
            throw DomainException.NotFound($"ids: alert {Ids[^1]} is not in {audience}'s alerts (the last is {lastId})");
        }
    }
}
