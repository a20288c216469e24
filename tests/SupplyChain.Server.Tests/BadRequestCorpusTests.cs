using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using SupplyChain.Cli.Auth;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>
/// A corpus of bad requests, each refused with its exact status and a message naming the problem, and none changing
/// anything: after every one, the batches it aimed at keep their version and head hash, and no new batch appears.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BadRequestCorpusTests(ServerFixture fixture)
{
    private sealed record Case(string Name, StatusCode Code, string Reason, Func<Task> Call);

    [Fact]
    public async Task Every_bad_request_is_refused_precisely_and_changes_nothing()
    {
        var w = await new World(fixture).RegisterAsync();
        var (held, moving, fresh) = (Ids.Lot(), Ids.Lot(), Ids.Lot());
        await w.CreateBatchAsync(held, 500);
        await w.CheckAsync(held, w.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 5, Unit = "P1" });
        await w.CreateBatchAsync(moving, 300);
        await w.ShipAsync(moving, w.Producer, w.Distributor);
        var usedEventId = Ids.EventId();
        await Batches(w.Producer, "producer").RecordCheckpointAsync(Check(w, held, usedEventId, "drying", 6));

        var producer = Batches(w.Producer, "producer");
        var distributor = Batches(w.Distributor, "distributor");
        var retailer = Batches(w.Retailer, "retailer");
        var auditor = Batches(w.Auditor, "auditor");
        var lab = Batches(w.Lab, "lab");
        var stranger = new TraceService.TraceServiceClient(fixture.Server.As(w.Retailer, "retailer"));
        var key = fixture.Server.Key;
        BatchService.BatchServiceClient WithToken(string token) => new(fixture.Server.With(token));
        var anonymous = new BatchService.BatchServiceClient(fixture.Server.Bare);
        var bigText = new string('x', 5 * 1024 * 1024);

        CreateBatchRequest Create(Action<CreateBatchRequest>? change = null)
        {
            var r = new CreateBatchRequest { EventId = Ids.EventId(), Gtin = w.Gtin13, Lot = fresh, Quantity = new Quantity { Value = 10, Unit = "KGM" } };
            change?.Invoke(r);
            return r;
        }

        RecordCheckpointRequest Checkpoint(Action<RecordCheckpointRequest> change)
        {
            var r = Check(w, held, Ids.EventId(), "drying", 5);
            change(r);
            return r;
        }

        ShipBatchRequest Ship(Action<ShipBatchRequest>? change = null)
        {
            var r = new ShipBatchRequest { EventId = Ids.EventId(), Gtin = w.Gtin, Lot = held, ReceiverGln = w.Distributor };
            change?.Invoke(r);
            return r;
        }

        ReceiveBatchRequest Receive(Action<ReceiveBatchRequest>? change = null)
        {
            var r = new ReceiveBatchRequest { EventId = Ids.EventId(), Gtin = w.Gtin, Lot = moving, Decision = ReceiveDecision.Accept };
            change?.Invoke(r);
            return r;
        }

        SplitBatchRequest Split(params (string Lot, double Kg)[] parts)
        {
            var r = new SplitBatchRequest { EventId = Ids.EventId(), Gtin = w.Gtin, Lot = held };
            r.Parts.AddRange(parts.Select(p => new SplitPart { Lot = p.Lot, Quantity = new Quantity { Value = p.Kg, Unit = "KGM" } }));
            return r;
        }

        MergeBatchesRequest Merge(params string[] lots)
        {
            var r = new MergeBatchesRequest { EventId = Ids.EventId(), OutputGtin = w.Gtin13, OutputLot = fresh };
            r.Inputs.AddRange(lots.Select(l => new BatchRef { Gtin = w.Gtin, Lot = l }));
            return r;
        }

        string Token(string? gln, string[] roles, TimeSpan lifetime, DateTimeOffset? now = null, string issuer = DevTokens.Issuer, string audience = DevTokens.Audience) =>
            DevTokens.Mint(key, gln, roles, lifetime, now, issuer, audience);

        var cases = new List<Case>
        {
            // Identity: no token, or one the server does not trust.
            new("no token", StatusCode.Unauthenticated, "no bearer token", () => anonymous.ShipBatchAsync(Ship()).ResponseAsync),
            new("no token, read", StatusCode.Unauthenticated, "no bearer token", () => anonymous.GetBatchAsync(new GetBatchRequest { Gtin = w.Gtin, Lot = held }).ResponseAsync),
            new("basic credentials", StatusCode.Unauthenticated, "not 'Bearer <JWT>'", () => anonymous.ShipBatchAsync(Ship(), new Metadata { { "authorization", "Basic dXNlcjpwYXNz" } }).ResponseAsync),
            new("expired token", StatusCode.Unauthenticated, "expired", () => WithToken(Token(w.Producer, ["producer"], TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow.AddHours(-2))).ShipBatchAsync(Ship()).ResponseAsync),
            new("token not yet valid", StatusCode.Unauthenticated, "not valid before", () => WithToken(Token(w.Producer, ["producer"], TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow.AddHours(2))).ShipBatchAsync(Ship()).ResponseAsync),
            new("forged token", StatusCode.Unauthenticated, "signature", () => WithToken(DevTokens.Mint(Convert.FromBase64String(DevTokens.NewKey()), w.Producer, ["producer"], TimeSpan.FromMinutes(10))).ShipBatchAsync(Ship()).ResponseAsync),
            new("token from another issuer", StatusCode.Unauthenticated, "issuer", () => WithToken(Token(w.Producer, ["producer"], TimeSpan.FromMinutes(10), issuer: "https://login.example.com")).ShipBatchAsync(Ship()).ResponseAsync),
            new("token for another audience", StatusCode.Unauthenticated, "audience", () => WithToken(Token(w.Producer, ["producer"], TimeSpan.FromMinutes(10), audience: "payments")).ShipBatchAsync(Ship()).ResponseAsync),
            new("token that is not a JWT", StatusCode.Unauthenticated, "well-formed JWT", () => WithToken("eyJhbGciOi.not.a-token").ShipBatchAsync(Ship()).ResponseAsync),
            new("token with a bad GLN claim", StatusCode.Unauthenticated, "not a GLN", () => WithToken(Token("8930000000001", ["producer"], TimeSpan.FromMinutes(10))).ShipBatchAsync(Ship()).ResponseAsync),
            new("token with a tampered payload", StatusCode.Unauthenticated, "signature", () => WithToken(Tampered(Token(w.Producer, ["producer"], TimeSpan.FromMinutes(10)), w.Distributor)).ShipBatchAsync(Ship()).ResponseAsync),

            // Wrong roles and other parties' names.
            new("distributor creates a batch", StatusCode.PermissionDenied, "needs the role producer", () => distributor.CreateBatchAsync(Create()).ResponseAsync),
            new("create in another producer's name", StatusCode.PermissionDenied, "is another party", () => Batches(w.Retailer, "producer").CreateBatchAsync(Create(r => r.ProducerGln = w.Producer)).ResponseAsync),
            new("create another producer's product", StatusCode.PermissionDenied, "only its producer creates batches", () => Batches(w.Retailer, "producer").CreateBatchAsync(Create()).ResponseAsync),
            new("auditor ships", StatusCode.PermissionDenied, "shipping needs the role", () => auditor.ShipBatchAsync(Ship()).ResponseAsync),
            new("auditor receives", StatusCode.PermissionDenied, "receiving needs the role", () => auditor.ReceiveBatchAsync(Receive()).ResponseAsync),
            new("auditor records a checkpoint", StatusCode.PermissionDenied, "needs the role", () => auditor.RecordCheckpointAsync(Checkpoint(_ => { })).ResponseAsync),
            new("auditor splits", StatusCode.PermissionDenied, "splitting needs the role", () => auditor.SplitBatchAsync(Split((fresh, 10))).ResponseAsync),
            new("producer records a food-safety check", StatusCode.PermissionDenied, "needs the role lab", () => producer.RecordCheckpointAsync(Checkpoint(r => (r.Kind, r.Step) = (CheckpointKind.FoodSafety, "inspecting"))).ResponseAsync),
            new("lab records production on a batch it does not hold", StatusCode.PermissionDenied, "only the custodian", () => lab.RecordCheckpointAsync(Checkpoint(_ => { })).ResponseAsync),
            new("non-custodian ships", StatusCode.PermissionDenied, "only the current custodian", () => distributor.ShipBatchAsync(Ship(r => r.ReceiverGln = w.Retailer)).ResponseAsync),
            new("ship in the custodian's name", StatusCode.PermissionDenied, "is another party", () => distributor.ShipBatchAsync(Ship(r => r.ActorGln = w.Producer)).ResponseAsync),
            new("someone else receives", StatusCode.PermissionDenied, "only that receiver", () => retailer.ReceiveBatchAsync(Receive()).ResponseAsync),
            new("receive in the receiver's name", StatusCode.PermissionDenied, "is another party", () => retailer.ReceiveBatchAsync(Receive(r => r.ActorGln = w.Distributor)).ResponseAsync),
            new("non-custodian splits", StatusCode.PermissionDenied, "custodian", () => distributor.SplitBatchAsync(Split((fresh, 10))).ResponseAsync),
            new("producer registers a participant", StatusCode.PermissionDenied, "needs the role admin", () => new ParticipantService.ParticipantServiceClient(fixture.Server.As(w.Producer, "producer")).RegisterParticipantAsync(new RegisterParticipantRequest { Gln = Ids.Gln(), Name = "x", Roles = { Role.Producer } }).ResponseAsync),
            new("product for another producer", StatusCode.PermissionDenied, "is another party", () => new ParticipantService.ParticipantServiceClient(fixture.Server.As(w.Retailer, "producer")).RegisterProductAsync(new RegisterProductRequest { Gtin = Ids.Gtin13(), ProducerGln = w.Producer, Name = "x", Category = "salt", Unit = "KGM" }).ResponseAsync),
            new("distributor defines a chain", StatusCode.PermissionDenied, "needs the role admin", () => new ChainService.ChainServiceClient(fixture.Server.As(w.Distributor, "distributor")).DefineChainAsync(new DefineChainRequest { ChainId = "corpus", Name = "x" }).ResponseAsync),
            new("producer recalls", StatusCode.PermissionDenied, "needs the role auditor", () => new TraceService.TraceServiceClient(fixture.Server.As(w.Producer, "producer")).RecallAsync(new RecallRequest { EventId = Ids.EventId(), Gtin = w.Gtin, Lot = held, Reason = "x" }).ResponseAsync),
            new("auditor token recalls as another auditor", StatusCode.PermissionDenied, "is another party", () => new TraceService.TraceServiceClient(fixture.Server.As(Ids.Gln(), "auditor")).RecallAsync(new RecallRequest { EventId = Ids.EventId(), Gtin = w.Gtin, Lot = held, AuditorGln = w.Auditor, Reason = "x" }).ResponseAsync),
            new("auditor role not registered as auditor", StatusCode.PermissionDenied, "auditor", () => new TraceService.TraceServiceClient(fixture.Server.As(w.Retailer, "auditor")).RecallAsync(new RecallRequest { EventId = Ids.EventId(), Gtin = w.Gtin, Lot = held, Reason = "x" }).ResponseAsync),
            new("admin without a GLN ships", StatusCode.PermissionDenied, "shipping needs the role", () => Batches(null, "admin").ShipBatchAsync(Ship()).ResponseAsync),
            new("stranger reads a batch", StatusCode.PermissionDenied, "only its parties and auditors", () => retailer.GetBatchAsync(new GetBatchRequest { Gtin = w.Gtin, Lot = held }).ResponseAsync),
            new("stranger reads a history", StatusCode.PermissionDenied, "only its parties and auditors", () => retailer.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = w.Gtin, Lot = held }).ResponseAsync),
            new("stranger traces", StatusCode.PermissionDenied, "only its parties and auditors", () => stranger.TraceBackAsync(new TraceBackRequest { Gtin = w.Gtin, Lot = held }).ResponseAsync),
            new("stranger verifies", StatusCode.PermissionDenied, "only its parties and auditors", () => stranger.VerifyBatchAsync(new VerifyBatchRequest { Gtin = w.Gtin, Lot = held }).ResponseAsync),
            new("stranger exports", StatusCode.PermissionDenied, "only its parties and auditors", () => stranger.ExportEpcisAsync(new ExportEpcisRequest { Gtin = w.Gtin, Lot = held }).ResponseAsync),
            new("stranger lists another's batches", StatusCode.PermissionDenied, "is another party", () => retailer.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = w.Producer, Listing = BatchListing.Held }).ResponseAsync),

            // Malformed identifiers, quantities and times.
            new("GTIN check digit", StatusCode.InvalidArgument, "gtin: '8930000000011' has check digit", () => producer.CreateBatchAsync(Create(r => r.Gtin = "8930000000011")).ResponseAsync),
            new("GTIN with letters", StatusCode.InvalidArgument, "gtin:", () => producer.CreateBatchAsync(Create(r => r.Gtin = "89300000000AB")).ResponseAsync),
            new("GTIN of 11 digits", StatusCode.InvalidArgument, "gtin:", () => producer.CreateBatchAsync(Create(r => r.Gtin = "89300000000")).ResponseAsync),
            new("receiver GLN check digit", StatusCode.InvalidArgument, "receiver_gln:", () => producer.ShipBatchAsync(Ship(r => r.ReceiverGln = "8930000000001")).ResponseAsync),
            new("location GLN too short", StatusCode.InvalidArgument, "location_gln:", () => producer.ShipBatchAsync(Ship(r => r.LocationGln = "893000")).ResponseAsync),
            new("lot with '#'", StatusCode.InvalidArgument, "lot: character '#'", () => producer.CreateBatchAsync(Create(r => r.Lot = "LOT#1")).ResponseAsync),
            new("lot with a space", StatusCode.InvalidArgument, "lot:", () => producer.CreateBatchAsync(Create(r => r.Lot = "LOT 1")).ResponseAsync),
            new("lot of 21 characters", StatusCode.InvalidArgument, "lot: has 21 characters", () => producer.CreateBatchAsync(Create(r => r.Lot = new string('A', 21))).ResponseAsync),
            new("empty lot", StatusCode.InvalidArgument, "lot: is required", () => producer.CreateBatchAsync(Create(r => r.Lot = "")).ResponseAsync),
            new("unknown unit", StatusCode.InvalidArgument, "quantity.unit: 'XYZ' is not a supported", () => producer.CreateBatchAsync(Create(r => r.Quantity.Unit = "XYZ")).ResponseAsync),
            new("negative quantity", StatusCode.InvalidArgument, "quantity.value", () => producer.CreateBatchAsync(Create(r => r.Quantity.Value = -5)).ResponseAsync),
            new("zero quantity", StatusCode.InvalidArgument, "quantity.value", () => producer.CreateBatchAsync(Create(r => r.Quantity.Value = 0)).ResponseAsync),
            new("fractional pieces", StatusCode.InvalidArgument, "quantity", () => producer.CreateBatchAsync(Create(r => r.Quantity = new Quantity { Value = 1.5, Unit = "H87" })).ResponseAsync),
            new("unit other than the product's", StatusCode.InvalidArgument, "quantity.unit", () => producer.CreateBatchAsync(Create(r => r.Quantity.Unit = "LTR")).ResponseAsync),
            new("missing quantity", StatusCode.InvalidArgument, "quantity: is required", () => producer.CreateBatchAsync(Create(r => r.Quantity = null)).ResponseAsync),
            new("production far in the future", StatusCode.InvalidArgument, "produced_at", () => producer.CreateBatchAsync(Create(r => r.ProducedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)))).ResponseAsync),
            new("time before 2000", StatusCode.InvalidArgument, "shipped_at: is not a valid time", () => producer.ShipBatchAsync(Ship(r => r.ShippedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero)))).ResponseAsync),
            new("empty event id", StatusCode.InvalidArgument, "event_id", () => producer.ShipBatchAsync(Ship(r => r.EventId = "")).ResponseAsync),
            new("event id with a space", StatusCode.InvalidArgument, "event_id", () => producer.ShipBatchAsync(Ship(r => r.EventId = "has space")).ResponseAsync),
            new("event id of 129 characters", StatusCode.InvalidArgument, "event_id", () => producer.ShipBatchAsync(Ship(r => r.EventId = new string('e', 129))).ResponseAsync),

            // Checkpoints.
            new("checkpoint of no kind", StatusCode.InvalidArgument, "kind", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Kind = CheckpointKind.Unspecified)).ResponseAsync),
            new("checkpoint with no step", StatusCode.InvalidArgument, "step", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Step = "")).ResponseAsync),
            new("step of 10,000 characters", StatusCode.InvalidArgument, "step", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Step = new string('s', 10_000))).ResponseAsync),
            new("reading in an unknown unit", StatusCode.InvalidArgument, "measurements[0]", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Measurements[0].Unit = "")).ResponseAsync),
            new("reading that is not a number", StatusCode.InvalidArgument, "measurements[0].value", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Measurements[0].Value = double.NaN)).ResponseAsync),
            new("reading type of 65 characters", StatusCode.InvalidArgument, "measurements[0].type", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Measurements[0].Type = new string('t', 65))).ResponseAsync),
            new("too many readings", StatusCode.InvalidArgument, "measurements", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Measurements.AddRange(Enumerable.Range(0, 200).Select(i => new Measurement { Type = $"t{i}", Value = 1, Unit = "P1" })))).ResponseAsync),
            new("reading in another unit than its limit", StatusCode.InvalidArgument, "measurements[0].unit", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Measurements[0].Unit = "CEL")).ResponseAsync),
            new("checkpoint before the batch was made", StatusCode.FailedPrecondition, "events must be in order", () => producer.RecordCheckpointAsync(Checkpoint(r => r.ObservedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-30)))).ResponseAsync),

            // Handoffs, splits and merges against the rules.
            new("ship to itself", StatusCode.InvalidArgument, "receiver_gln", () => producer.ShipBatchAsync(Ship(r => r.ReceiverGln = w.Producer)).ResponseAsync),
            new("ship to an unregistered party", StatusCode.FailedPrecondition, "not a registered participant", () => producer.ShipBatchAsync(Ship(r => r.ReceiverGln = Ids.Gln())).ResponseAsync),
            new("ship part of a batch", StatusCode.FailedPrecondition, "split it first", () => producer.ShipBatchAsync(Ship(r => r.Quantity = new Quantity { Value = 100, Unit = "KGM" })).ResponseAsync),
            new("ship a batch in transit", StatusCode.FailedPrecondition, "in transit", () => producer.ShipBatchAsync(Ship(r => (r.Lot, r.ReceiverGln) = (moving, w.Retailer))).ResponseAsync),
            new("receive what is not in transit", StatusCode.FailedPrecondition, "not in transit", () => distributor.ReceiveBatchAsync(Receive(r => r.Lot = held)).ResponseAsync),
            new("receive more than was shipped", StatusCode.FailedPrecondition, "quantities are conserved", () => distributor.ReceiveBatchAsync(Receive(r => r.QuantityReceived = new Quantity { Value = 301, Unit = "KGM" })).ResponseAsync),
            new("receive with no decision", StatusCode.InvalidArgument, "decision", () => distributor.ReceiveBatchAsync(Receive(r => r.Decision = ReceiveDecision.Unspecified)).ResponseAsync),
            new("reject with no reason", StatusCode.InvalidArgument, "reason", () => distributor.ReceiveBatchAsync(Receive(r => r.Decision = ReceiveDecision.Reject)).ResponseAsync),
            new("split with no parts", StatusCode.InvalidArgument, "parts", () => producer.SplitBatchAsync(Split()).ResponseAsync),
            new("split into too many parts", StatusCode.InvalidArgument, "parts", () => producer.SplitBatchAsync(Split(Enumerable.Range(0, 150).Select(i => ($"P{i}", 1.0)).ToArray())).ResponseAsync),
            new("split more than there is", StatusCode.FailedPrecondition, "quantities are conserved", () => producer.SplitBatchAsync(Split((fresh, 400), (Ids.Lot(), 200))).ResponseAsync),
            new("split part with the parent's lot", StatusCode.InvalidArgument, "parts[0].lot", () => producer.SplitBatchAsync(Split((held, 10))).ResponseAsync),
            new("split part onto an existing lot", StatusCode.AlreadyExists, "already exists", () => producer.SplitBatchAsync(Split((moving, 10))).ResponseAsync),
            new("merge of one batch", StatusCode.InvalidArgument, "inputs", () => producer.MergeBatchesAsync(Merge(held)).ResponseAsync),
            new("merge into an existing lot", StatusCode.AlreadyExists, "already exists", () => producer.MergeBatchesAsync(Merge(held, moving) is var m ? WithOutput(m, held) : null!).ResponseAsync),
            new("merge a batch in transit", StatusCode.FailedPrecondition, "in transit", () => producer.MergeBatchesAsync(Merge(held, moving)).ResponseAsync),
            new("event id reused for other content", StatusCode.AlreadyExists, usedEventId, () => producer.RecordCheckpointAsync(Check(w, held, usedEventId, "drying", 7)).ResponseAsync),
            new("event id reused on another batch's write", StatusCode.AlreadyExists, usedEventId, () => producer.RecordCheckpointAsync(Check(w, held, usedEventId, "packing", 6)).ResponseAsync),

            // Sizes and bounds of reads.
            new("payload over the size limit", StatusCode.ResourceExhausted, "message", () => producer.RecordCheckpointAsync(Checkpoint(r => r.Step = bigText)).ResponseAsync),
            new("trace depth below zero", StatusCode.InvalidArgument, "max_depth", () => new TraceService.TraceServiceClient(fixture.Server.As(null, "auditor")).TraceBackAsync(new TraceBackRequest { Gtin = w.Gtin, Lot = held, MaxDepth = -1 }).ResponseAsync),
            new("trace depth too deep", StatusCode.InvalidArgument, "max_depth", () => new TraceService.TraceServiceClient(fixture.Server.As(null, "auditor")).TraceBackAsync(new TraceBackRequest { Gtin = w.Gtin, Lot = held, MaxDepth = 100_000 }).ResponseAsync),
            new("history page too large", StatusCode.InvalidArgument, "page_size", () => auditor.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = w.Gtin, Lot = held, PageSize = 100_000 }).ResponseAsync),
            new("history from a negative version", StatusCode.InvalidArgument, "from_version", () => auditor.GetBatchHistoryAsync(new GetBatchHistoryRequest { Gtin = w.Gtin, Lot = held, FromVersion = -1 }).ResponseAsync),
            new("a batch that does not exist", StatusCode.NotFound, "does not exist", () => auditor.GetBatchAsync(new GetBatchRequest { Gtin = w.Gtin, Lot = Ids.Lot() }).ResponseAsync),
            new("recall with no reason", StatusCode.InvalidArgument, "reason", () => new TraceService.TraceServiceClient(fixture.Server.As(w.Auditor, "auditor")).RecallAsync(new RecallRequest { EventId = Ids.EventId(), Gtin = w.Gtin, Lot = held }).ResponseAsync),
            new("import that is not JSON", StatusCode.InvalidArgument, "document", () => new TraceService.TraceServiceClient(fixture.Server.As(w.Producer, "producer")).ImportEpcisAsync(new ImportEpcisRequest { Document = "<xml/>" }).ResponseAsync),
        };

        Assert.True(cases.Count >= 60, $"the corpus has {cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
        var before = await SnapshotAsync(w, held, moving);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var refused = await Assert.ThrowsAnyAsync<RpcException>(c.Call);
            if (refused.StatusCode != c.Code || !refused.Status.Detail.Contains(c.Reason, StringComparison.Ordinal))
            {
                failures.Add($"{c.Name}: expected {c.Code} '{c.Reason}', got {refused.StatusCode} '{refused.Status.Detail}'");
            }

            var after = await SnapshotAsync(w, held, moving);
            if (after != before)
            {
                failures.Add($"{c.Name}: changed the batches: {before} -> {after}");
                before = after;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private BatchService.BatchServiceClient Batches(string? gln, string role) => new(fixture.Server.As(gln, role));

    private static RecordCheckpointRequest Check(World w, string lot, string eventId, string step, double moisture) => new()
    {
        EventId = eventId, Gtin = w.Gtin, Lot = lot, Kind = CheckpointKind.Production, Step = step,
        Measurements = { new Measurement { Type = "moisture", Value = moisture, Unit = "P1" } },
    };

    private static MergeBatchesRequest WithOutput(MergeBatchesRequest merge, string lot)
    {
        merge.OutputLot = lot;
        return merge;
    }

    /// <summary>A token whose payload names another participant, its signature left as it was.</summary>
    private static string Tampered(string token, string gln)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        var forged = System.Text.RegularExpressions.Regex.Replace(payload, "\"gln\":\"\\d+\"", $"\"gln\":\"{gln}\"");
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(forged)}.{parts[2]}";
    }

    /// <summary>Version and head hash of each batch, and whether the corpus's new lot exists.</summary>
    private async Task<string> SnapshotAsync(World w, params string[] lots)
    {
        var states = await Task.WhenAll(lots.Select(w.GetAsync));
        var batches = await fixture.Batches.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = w.Producer, Listing = BatchListing.Produced, PageSize = 200 });
        return string.Join("; ", states.Select(s => $"{s.Lot} v{s.Version} {s.HeadHash}")) + $"; produced {batches.Batches.Count}";
    }
}
