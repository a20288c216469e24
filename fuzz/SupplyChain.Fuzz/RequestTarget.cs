using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using SupplyChain.Domain;
using SupplyChain.Server.Api;
using SupplyChain.Fuzz.World;
using V1 = SupplyChain.V1;

namespace SupplyChain.Fuzz;

/// <summary>
/// The server's request mapping (<see cref="Requests"/>) on random request messages: fields mostly plausible and often
/// not, enums out of range, times out of range, lists just past their bounds; and now and then a message whose wire
/// bytes were damaged and still decode. Each request gives a command or a <see cref="DomainException"/>, never
/// another exception.
/// </summary>
internal sealed class RequestTarget(Noise noise, Tally tally) : ITarget
{
    private IMessage? _last;

    // How likely each field is to be damaged: messages range from well formed to mostly wrong.
    private double _hostility;

    public string Name => "requests";

    /// <summary>The last message, as text where it prints and as its wire bytes, which repeat it exactly.</summary>
    public IReadOnlyList<string> Sequence => _last is null ? new List<string>() : new List<string> { Describe(_last), $"wire bytes (base64): {Convert.ToBase64String(_last.ToByteArray())}" };

    public void Step()
    {
        _last = null;
        _hostility = noise.Pick(new[] { 0, 0.03, 0.1, 0.3, 0.7 });
        IMessage message = noise.Below(10) switch
        {
            0 => Participant(),
            1 => Product(),
            2 => Chain(),
            3 => Create(),
            4 => Checkpoint(),
            5 => Ship(),
            6 => Receive(),
            7 => Split(),
            8 => Merge(),
            _ => Recall(),
        };
        if (noise.Chance(0.3))
        {
            var bytes = Damage(message.ToByteArray());
            try
            {
                message = message.Descriptor.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException)
            {
                // gRPC refuses such a message before our code sees it.
                tally.Count(Name, "not a message");
                return;
            }
        }

        _last = message;
        try
        {
            _ = message switch
            {
                V1.RegisterParticipantRequest r => Requests.Participant(r),
                V1.RegisterProductRequest r => Requests.Product(r),
                V1.DefineChainRequest r => Requests.Chain(r),
                V1.CreateBatchRequest r => Requests.Create(r),
                V1.RecordCheckpointRequest r => Requests.Checkpoint(r),
                V1.ShipBatchRequest r => Requests.Ship(r),
                V1.ReceiveBatchRequest r => Requests.Receive(r),
                V1.SplitBatchRequest r => Requests.Split(r),
                V1.MergeBatchesRequest r => Requests.Merge(r),
                V1.RecallRequest r => (object)Requests.Recall(r),
                _ => throw new InvalidOperationException($"no mapping for {message.Descriptor.Name}"),
            };
            tally.Count(Name, "command");
        }
        catch (DomainException refused)
        {
            tally.Count(Name, refused.Refusal.ToString());
        }
    }

    private static string Describe(IMessage message)
    {
        try
        {
            return $"{message.Descriptor.Name} {message}";
        }
        catch (InvalidOperationException)
        {
            // A time out of range has no JSON form.
            return message.Descriptor.Name;
        }
    }

    private byte[] Damage(byte[] bytes)
    {
        var damaged = bytes.ToList();
        for (var edits = noise.Between(1, 4); edits > 0; edits--)
        {
            var at = damaged.Count == 0 ? 0 : noise.Below(damaged.Count);
            switch (noise.Below(4))
            {
                case 0 when damaged.Count > 0:
                    damaged[at] ^= (byte)(1 << noise.Below(8));
                    break;
                case 1:
                    damaged.Insert(at, (byte)noise.Below(256));
                    break;
                case 2 when damaged.Count > 0:
                    damaged.RemoveAt(at);
                    break;
                default:
                    damaged.RemoveRange(at, damaged.Count - at);
                    break;
            }
        }

        return damaged.ToArray();
    }

    private bool Hostile => noise.Chance(_hostility);

    private string Str(params string[] good) => Hostile ? noise.Text(good) ?? "" : noise.Pick(good);

    private string Gln() => Hostile ? Str(noise.GlnText()) : noise.Pick(Cast.Parties).Value;

    private string Gtin() => Hostile ? Str(noise.GtinText()) : noise.Pick(Cast.Gtins).Value;

    private double Number() => Hostile ? noise.Number() : Math.Round(noise.Fraction() * 100, 2) + 1;

    private string Lot() => Str("L1", "VH-2611-01", "A/B");

    private string EventId() => Str("e1", "import:01.a_b-c");

    private int Count(int bound) => !Hostile ? noise.Below(4) : noise.Chance(0.5) ? bound + 1 : bound;

    private V1.Quantity? Amount() => Hostile && noise.Chance(0.2) ? null : new V1.Quantity { Value = Number(), Unit = Str("KGM", "H87", "LTR") };

    private V1.Measurement Reading() => new() { Type = Str("temperature", "moisture"), Value = Number(), Unit = Str("CEL", "P1") };

    private V1.Limit Limit()
    {
        var limit = new V1.Limit { Type = Str("temperature", "lead"), Unit = Str("CEL", "MG_KG") };
        if (noise.Chance(0.7))
        {
            limit.Min = Number();
        }

        if (noise.Chance(0.7) || !limit.HasMin)
        {
            limit.Max = limit.HasMin && !Hostile ? limit.Min + Number() : Number();
        }

        return limit;
    }

    /// <summary>No time, a plausible one, or seconds and nanos out of any range.</summary>
    private Timestamp? Time() => (Hostile ? noise.Between(3, 4) : noise.Below(3)) switch
    {
        0 or 1 => null,
        2 => Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero).AddSeconds(noise.Between(-100_000, 100_000))),
        3 => new Timestamp { Seconds = noise.Pick(new[] { 946_684_799L, 946_684_800L, 253_402_300_799L, 253_402_300_800L, 0L, -1L, long.MaxValue, long.MinValue }), Nanos = noise.Pick(new[] { 0, 999_999_999, 1_000_000_000, -1, int.MaxValue }) },
        _ => new Timestamp { Seconds = noise.Between(946_684_800, int.MaxValue), Nanos = noise.Between(0, 999_999_999) },
    };

    private T Enum<T>(int max)
        where T : struct, System.Enum => (T)(object)(Hostile ? noise.Between(-1, max + 1) : noise.Between(1, max));

    private V1.RegisterParticipantRequest Participant()
    {
        var r = new V1.RegisterParticipantRequest
        {
            Gln = Gln(), Name = Str("Vinh Hau cooperative"), Province = Str("Bac Lieu"), District = Str("Hoa Binh"), Commune = Str("Vinh Hau"),
            Kind = Enum<V1.ProducerKind>(3),
        };
        r.Roles.AddRange(Enumerable.Range(0, Hostile ? noise.Below(4) : noise.Between(1, 3)).Select(_ => Enum<V1.Role>(6)));
        return r;
    }

    private V1.RegisterProductRequest Product()
    {
        var r = new V1.RegisterProductRequest
        {
            Gtin = Gtin(), ProducerGln = Gln(), Name = Str("Sea salt"), Category = Str("salt"), Unit = Str("KGM", "H87"),
            OcopStars = Hostile ? noise.Between(-5, 10) : noise.Pick(new[] { 0, 3, 4 }), OcopCertificate = Str("OCOP-BL-2025-042"),
            OcopCertifiedOn = Time(), OcopPendingStars = Hostile ? noise.Between(-5, 10) : noise.Pick(new[] { 0, 5 }),
        };
        r.Limits.AddRange(Enumerable.Range(0, Count(Bounds.LimitsPerProduct)).Select(_ => Limit()));
        return r;
    }

    private V1.DefineChainRequest Chain()
    {
        var r = new V1.DefineChainRequest { ChainId = Str("cold", "tea-north"), Name = Str("Cold chain"), MaxTransitHours = Hostile ? noise.Pick(new[] { -1, int.MaxValue }) : noise.Pick(new[] { 0, 48 }) };
        for (var i = Count(Bounds.StagesPerChain); i > 0; i--)
        {
            var stage = new V1.Stage { Name = Str($"stage-{i}", "farm") };
            stage.ParticipantGlns.AddRange(Enumerable.Range(0, noise.Below(3)).Select(_ => Gln()));
            stage.Limits.AddRange(Enumerable.Range(0, Count(Bounds.LimitsPerStage)).Select(_ => Limit()));
            stage.RequiredAtHandoff.AddRange(Enumerable.Range(0, Count(Bounds.ReadingsRequiredPerStage)).Select(j => Str("temperature", $"t{j}")));
            r.Stages.Add(stage);
        }

        return r;
    }

    private V1.CreateBatchRequest Create() => new()
    {
        EventId = EventId(), Gtin = Gtin(), Lot = Lot(), Quantity = Amount(), ProducerGln = Gln(), LocationGln = noise.Chance(0.5) ? "" : Gln(),
        ProducedAt = Time(), ChainId = noise.Chance(0.5) ? "" : Str("cold"),
    };

    private V1.RecordCheckpointRequest Checkpoint()
    {
        var r = new V1.RecordCheckpointRequest
        {
            EventId = EventId(), Gtin = Gtin(), Lot = Lot(), ActorGln = Gln(), Kind = Enum<V1.CheckpointKind>(3), Step = Str("drying", "packing"),
            LocationGln = noise.Chance(0.5) ? "" : Gln(), ObservedAt = Time(),
            Certificate = noise.Chance(0.5) ? null : new V1.Certificate { IssuerGln = noise.Chance(0.5) ? "" : Gln(), Reference = Str("LAB-42") },
        };
        r.Measurements.AddRange(Enumerable.Range(0, Count(Bounds.MeasurementsPerCheckpoint)).Select(_ => Reading()));
        return r;
    }

    private V1.ShipBatchRequest Ship() => new()
    {
        EventId = EventId(), Gtin = Gtin(), Lot = Lot(), ActorGln = Gln(), ReceiverGln = Gln(), Quantity = noise.Chance(0.5) ? null : Amount(),
        LocationGln = noise.Chance(0.5) ? "" : Gln(), ShippedAt = Time(),
    };

    private V1.ReceiveBatchRequest Receive()
    {
        var r = new V1.ReceiveBatchRequest
        {
            EventId = EventId(), Gtin = Gtin(), Lot = Lot(), ActorGln = Gln(), Decision = Enum<V1.ReceiveDecision>(2),
            QuantityReceived = noise.Chance(0.5) ? null : Amount(), Condition = Str("sealed"), LocationGln = noise.Chance(0.5) ? "" : Gln(),
            ReceivedAt = Time(), Reason = Str("seal broken"),
        };
        r.Measurements.AddRange(Enumerable.Range(0, Count(Bounds.MeasurementsPerCheckpoint)).Select(_ => Reading()));
        return r;
    }

    private V1.SplitBatchRequest Split()
    {
        var r = new V1.SplitBatchRequest { EventId = EventId(), Gtin = Gtin(), Lot = Lot(), ActorGln = Gln(), LocationGln = noise.Chance(0.5) ? "" : Gln(), SplitAt = Time() };
        r.Parts.AddRange(Enumerable.Range(0, Count(Bounds.PartsPerSplit)).Select(_ => new V1.SplitPart { Lot = Lot(), Quantity = Amount() }));
        return r;
    }

    private V1.MergeBatchesRequest Merge()
    {
        var r = new V1.MergeBatchesRequest { EventId = EventId(), OutputGtin = Gtin(), OutputLot = Lot(), ActorGln = Gln(), LocationGln = noise.Chance(0.5) ? "" : Gln(), MergedAt = Time() };
        r.Inputs.AddRange(Enumerable.Range(0, Count(Bounds.InputsPerMerge)).Select(_ => new V1.BatchRef { Gtin = Gtin(), Lot = Lot() }));
        return r;
    }

    private V1.RecallRequest Recall() => new() { EventId = EventId(), Gtin = Gtin(), Lot = Lot(), AuditorGln = Gln(), Reason = Str("lead above limit") };
}
