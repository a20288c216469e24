namespace SupplyChain.Domain;

/// <summary>
/// Every size the service accepts, in one place: a request beyond one is refused as INVALID_ARGUMENT naming the field
/// and the bound, before anything is stored, so no request can make a batch, a log or a reply grow without limit.
/// </summary>
public static class Bounds
{
    /// <summary>The largest request message the gRPC server reads (4 MiB); a larger one is RESOURCE_EXHAUSTED.</summary>
    public const int MessageBytes = 4 * 1024 * 1024;

    /// <summary>Readings in one checkpoint or receipt.</summary>
    public const int MeasurementsPerCheckpoint = 50;

    /// <summary>Child batches one split makes.</summary>
    public const int PartsPerSplit = 100;

    /// <summary>Batches one merge takes in.</summary>
    public const int InputsPerMerge = 100;

    /// <summary>Batches a transformation uses.</summary>
    public const int InputsPerTransform = 100;

    /// <summary>New batches a transformation makes.</summary>
    public const int OutputsPerTransform = 100;

    /// <summary>Specification limits of one product.</summary>
    public const int LimitsPerProduct = 32;

    /// <summary>Stages of one distribution chain.</summary>
    public const int StagesPerChain = 20;

    /// <summary>Participants named in one chain stage.</summary>
    public const int ParticipantsPerStage = 200;

    /// <summary>Limits of one chain stage.</summary>
    public const int LimitsPerStage = 32;

    /// <summary>Readings one chain stage requires at a handoff.</summary>
    public const int ReadingsRequiredPerStage = 32;

    /// <summary>Events in one imported EPCIS document.</summary>
    public const int EventsPerImport = 10_000;

    /// <summary>Steps a backward trace follows (its max_depth).</summary>
    public const int TraceDepth = 1000;

    /// <summary>Batches one trace returns; a larger genealogy is refused rather than cut silently.</summary>
    public const int TraceBatches = 10_000;

    /// <summary>Batches a chain report lists per stage, and shipments it lists; it counts all of them.</summary>
    public const int ChainReportListed = 1000;

    /// <summary>Events in one page of a batch's history.</summary>
    public const int HistoryPage = 500;

    /// <summary>Batches in one page of a participant's list.</summary>
    public const int ListPage = 200;

    /// <summary>Alerts in one page of a participant's unread alerts, or of a replay.</summary>
    public const int AlertsPage = 500;

    /// <summary>Alert ids one acknowledgement lists.</summary>
    public const int AlertsPerAcknowledgement = 500;

    /// <summary>Free text: names, a receipt's condition, a rejection's reason.</summary>
    public const int TextLength = 200;

    /// <summary>A lab certificate or inspection report reference, which may be a URI.</summary>
    public const int CertificateReferenceLength = 200;

    /// <summary>Short words: a checkpoint's step, a category, an OCOP certificate number, a stage name.</summary>
    public const int WordLength = 64;

    /// <summary>Province, district and commune names.</summary>
    public const int PlaceNameLength = 100;

    /// <summary>A recall's reason.</summary>
    public const int RecallReasonLength = 500;

    /// <summary>Characters of the reason for placing or lifting a hold.</summary>
    public const int HoldReasonLength = 500;

    /// <summary>Characters of the reason an event is declared in error (a CBV error reason, often a URI).</summary>
    public const int DeclarationReasonLength = 500;

    /// <summary>Corrective event ids one error declaration names, and the characters of each.</summary>
    public const int CorrectiveEvents = 100;

    public const int CorrectiveEventIdLength = 500;

    /// <summary>A client-chosen event id.</summary>
    public const int EventIdLength = 128;

    /// <summary>A lot number (GS1 AI 10).</summary>
    public const int LotLength = 20;

    /// <summary>A chain id.</summary>
    public const int ChainIdLength = 64;

    /// <summary>A measurement type (temperature, moisture, nacl).</summary>
    public const int MeasurementTypeLength = 64;

    /// <summary>A measurement unit (CEL, P1, MG_KG).</summary>
    public const int MeasurementUnitLength = 16;

    /// <summary>Refuses a list longer than its bound, naming the field and the bound.</summary>
    public static void Count(int count, int max, string field, string what)
    {
        if (count > max)
        {
            throw DomainException.Invalid(field, $"has {count} {what}, at most {max} are allowed");
        }
    }
}
