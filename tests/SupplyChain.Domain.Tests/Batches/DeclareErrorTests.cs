using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Batches.Planning;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Tests.Fixture;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class DeclareErrorTests
{
    private static readonly Participant Producer = Sample.Party(Sample.Producer, Role.Producer);

    private static readonly Participant Auditor = Sample.Party(Sample.Auditor, Role.Auditor);

    private static DeclareError Declare(BatchLog log, string declaredId, Gln? by = null, string reason = "incorrect_data", DateTimeOffset? at = null) =>
        new(log.Batch, by ?? Sample.Producer, declaredId, at ?? Sample.Now, reason, ["urn:uuid:fix-1"]);

    private static RecordedEvent? Find(BatchLog log, string eventId) => log.Events.FirstOrDefault(e => e.Event.EventId == eventId);

    private static ErrorDeclared Decide(BatchLog log, DeclareError c, Participant by) =>
        BatchRules.DeclareError(log.State, c, Find(log, c.DeclaredEventId), Find(log, c.EventId), by, Sample.Now);

    [Fact]
    public void The_party_that_recorded_an_event_declares_it_and_the_log_keeps_both_as_stored()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        var before = log.State!;

        var e = Decide(log, Declare(log, "ship-2"), Producer);
        var after = log.Append(e);

        Assert.Equal(new ErrorDeclared("ship-2~declared0", Sample.Producer, before.Location, Sample.Now, "ship-2", 2, "incorrect_data", e.CorrectiveEventIds), e);
        Assert.Equal(["urn:uuid:fix-1"], e.CorrectiveEventIds);
        Assert.Equal(before with { Version = 3, HeadHash = after.HeadHash, UpdatedAt = Sample.Now }, after with { Parents = before.Parents, Children = before.Children });
        Assert.Equal(log.Events[1].Hash, log.Events[2].PreviousHash);
        Assert.IsType<BatchShipped>(log.Events[1].Event);
        var trail = BatchTrail.Of(log.Events)!;
        var declaration = Assert.Single(trail.Declarations);
        Assert.Equal((2L, "ship-2", Sample.Now, "incorrect_data", Sample.Producer, 3L), (declaration.DeclaredVersion, declaration.DeclaredEventId, declaration.DeclaredAt, declaration.Reason, declaration.DeclaredBy, declaration.Version));
        Assert.Equal(["urn:uuid:fix-1"], declaration.CorrectiveEventIds);
        Assert.Same(declaration, trail.DeclarationOf(2));
        Assert.Null(trail.DeclarationOf(1));
        Assert.Equal(3, trail.Version);
    }

    [Fact]
    public void An_auditor_declares_any_party_s_event_and_another_party_is_refused()
    {
        var log = BatchLog.Produced();

        Assert.Equal(Sample.Auditor, Decide(log, Declare(log, "create-L2025-001", Sample.Auditor), Auditor).Actor);
        Refusals.Expect(
            Refusal.PermissionDenied,
            () => Decide(log, Declare(log, "create-L2025-001", Sample.Distributor), Sample.Party(Sample.Distributor, Role.Producer, Role.Distributor)),
            $"was recorded by {Sample.Producer}", "only that party or an auditor", Sample.Distributor.Value);
        Refusals.Expect(
            Refusal.PermissionDenied,
            () => Decide(log, Declare(log, "create-L2025-001"), Sample.Party(Sample.Producer, Role.Retailer) with { Roles = [] }),
            "declaring an event in error needs the role");
    }

    [Fact]
    public void An_unknown_event_id_is_refused_naming_the_field()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.NotFound, () => Decide(log, Declare(log, "ship-9"), Producer), "declared_event_id", "holds no event 'ship-9'");
        Refusals.Expect(Refusal.NotFound, () => BatchRules.DeclareError(null, Declare(log, "ship-9"), null, null, Producer, Sample.Now), "does not exist");
    }

    [Fact]
    public void Declaring_twice_returns_the_first_declaration_whatever_the_second_says()
    {
        var log = BatchLog.Produced();
        var first = Decide(log, Declare(log, "create-L2025-001"), Producer);
        log.Append(first);

        var again = Decide(log, Declare(log, "create-L2025-001", reason: "other reason", at: Sample.Now.AddMinutes(1)), Producer);

        Assert.Same(first, again);
        Refusals.Expect(
            Refusal.PermissionDenied,
            () => Decide(log, Declare(log, "create-L2025-001", Sample.Distributor), Sample.Party(Sample.Distributor, Role.Distributor)),
            "only that party or an auditor");
    }

    [Fact]
    public void A_declaration_before_the_event_or_in_the_future_and_bad_corrective_ids_are_refused()
    {
        var log = BatchLog.Produced();
        var id = "create-L2025-001";

        Refusals.Expect(Refusal.InvalidArgument, () => Decide(log, Declare(log, id, at: Sample.Now.AddHours(-2)), Producer), "declaration_time", "before the declared event's time");
        Refusals.Expect(Refusal.InvalidArgument, () => Decide(log, Declare(log, id, at: Sample.Now.AddHours(1)), Producer), "declaration_time", "in the future");
        Refusals.Expect(Refusal.InvalidArgument, () => Decide(log, Declare(log, id) with { CorrectiveEventIds = [" "] }, Producer), "corrective_event_ids[0]");
        Refusals.Expect(Refusal.InvalidArgument, () => Decide(log, Declare(log, id, reason: new string('r', 501)), Producer), "reason");
    }

    [Fact]
    public void The_planner_decides_a_declaration_from_the_events_its_lookup_was_given()
    {
        var log = BatchLog.Produced();
        var events = log.Events.ToDictionary(e => (log.Batch, e.Event.EventId));
        var world = new Rehearsal(
            new Dictionary<BatchRef, BatchState> { [log.Batch] = log.State! }, new Dictionary<Gtin, Product>(),
            new Dictionary<Gln, Participant> { [Sample.Producer] = Producer }, new Dictionary<string, ChainDefinition>(), events);
        var c = Declare(log, "create-L2025-001");

        var planned = Assert.Single(world.Run(c, Sample.Now));

        Assert.Equal((log.Batch, c.EventId), (planned.Batch, planned.Event.EventId));
        Assert.Equal((log.Batch, Act.DeclareError), (BatchPlanner.Target(c), Rulebook.Command(c)));
        Assert.Same(planned.Event, Assert.Single(world.Run(c, Sample.Now)).Event);
        Refusals.Expect(Refusal.NotFound, () => world.Run(Declare(log, "ship-1"), Sample.Now), "declared_event_id");
    }
}
