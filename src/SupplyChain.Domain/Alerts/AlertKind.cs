namespace SupplyChain.Domain.Alerts;

/// <summary>What an alert warns of.</summary>
public enum AlertKind
{
    /// <summary>A checkpoint, or the readings at a handoff, failed the limits that apply.</summary>
    CheckpointFailed = 1,

    /// <summary>A failed food-safety check or an auditor put the batch on hold.</summary>
    Held = 2,

    /// <summary>The batch was recalled.</summary>
    Recalled = 3,

    /// <summary>A shipment was not received within its chain's time limit.</summary>
    ShipmentOverdue = 4,
}
