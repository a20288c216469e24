using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class CheckpointTests
{
    private static readonly Participant ProducerParty = Sample.Party(Sample.Producer, Role.Producer);
    private static readonly Participant LabParty = Sample.Party(Sample.Lab, Role.Lab);
    private static readonly Participant AuditorParty = Sample.Party(Sample.Auditor, Role.Auditor);
    private static readonly Participant DistributorParty = Sample.Party(Sample.Distributor, Role.Distributor);

    private static RecordCheckpoint Command(
        BatchLog log, Participant actor, CheckpointKind kind, IReadOnlyList<Measurement>? readings = null, DateTimeOffset? at = null, string step = "drying") =>
        new($"check-{kind}", log.Batch, actor.Gln, kind, step, Sample.Farm, at, readings ?? [new Measurement("moisture", 11m, "%")], new Certificate(Sample.Lab, "LAB-2025-9"));

    private static CheckpointRecorded Record(BatchLog log, Participant actor, CheckpointKind kind, IReadOnlyList<Measurement>? readings = null, DateTimeOffset? at = null) =>
        BatchRules.Checkpoint(log.State, Command(log, actor, kind, readings, at), actor, Sample.TeaProduct(Sample.Moisture), Sample.Chain(), Sample.Now);

    [Theory]
    [InlineData(CheckpointKind.Production)]
    [InlineData(CheckpointKind.Environmental)]
    public void The_custodian_records_production_and_environmental_checkpoints(CheckpointKind kind)
    {
        var log = BatchLog.Produced();

        var e = Record(log, ProducerParty, kind);

        Assert.Equal(kind, e.Kind);
        Assert.Equal(Sample.Producer, e.Actor);
        Assert.Equal(Sample.Now, e.EventTime);
        Assert.Equal("drying", e.Step);
        Assert.Equal(Verdict.Pass, e.Verdict);
        Assert.Equal(new Certificate(Sample.Lab, "LAB-2025-9"), e.Certificate);
        var result = Assert.Single(e.Results);
        Assert.Equal(("product", true), (result.Source, result.Within));
    }

    [Theory]
    [InlineData(CheckpointKind.FoodSafety, "sampling", "sampling")]
    [InlineData(CheckpointKind.Environmental, "storing", "storing")]
    [InlineData(CheckpointKind.FoodSafety, "lab test", "inspecting")]
    [InlineData(CheckpointKind.Environmental, "cold room log", "sensor_reporting")]
    public void A_cbv_step_is_its_own_business_step_others_map_by_kind(CheckpointKind kind, string step, string bizStep)
    {
        var e = new CheckpointRecorded("c", Sample.Lab, Sample.Farm, Sample.Now, kind, step, [], Verdict.Pass, null);

        Assert.Equal(bizStep, e.BizStep);
    }

    [Theory]
    [InlineData(CheckpointKind.Production)]
    [InlineData(CheckpointKind.Environmental)]
    public void Only_the_custodian_records_production_and_environmental_checkpoints(CheckpointKind kind)
    {
        var log = BatchLog.Produced();
        var word = kind == CheckpointKind.Production ? "production" : "environmental";

        foreach (var other in new[] { LabParty, AuditorParty, DistributorParty })
        {
            Refusals.Expect(Refusal.PermissionDenied, () => Record(log, other, kind), $"only the custodian {Sample.Producer} records {word} checkpoints on batch {log.Batch}");
        }
    }

    [Fact]
    public void Labs_and_auditors_record_food_safety_checks_on_batches_they_do_not_hold()
    {
        var log = BatchLog.Produced();

        Assert.Equal(Sample.Lab, Record(log, LabParty, CheckpointKind.FoodSafety).Actor);
        Assert.Equal(Sample.Auditor, Record(log, AuditorParty, CheckpointKind.FoodSafety).Actor);
        Refusals.Expect(
            Refusal.PermissionDenied,
            () => Record(log, DistributorParty, CheckpointKind.FoodSafety),
            $"{Sample.Distributor} is registered as distributor: a food-safety checkpoint needs the role lab or auditor");
        Refusals.Expect(
            Refusal.PermissionDenied,
            () => Record(log, ProducerParty, CheckpointKind.FoodSafety),
            $"{Sample.Producer} is registered as producer: a food-safety checkpoint needs the role lab or auditor");
    }

    [Fact]
    public void A_production_step_may_have_no_readings_other_kinds_need_one()
    {
        var log = BatchLog.Produced();

        Assert.Empty(Record(log, ProducerParty, CheckpointKind.Production, readings: []).Results);
        Refusals.Expect(Refusal.InvalidArgument, () => Record(log, ProducerParty, CheckpointKind.Environmental, readings: []), "measurements:", "at least one measurement");
        Refusals.Expect(Refusal.InvalidArgument, () => Record(log, LabParty, CheckpointKind.FoodSafety, readings: []), "measurements:");
    }

    [Fact]
    public void Readings_are_judged_against_the_product_and_the_custodians_stage()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Receive();
        var distributor = DistributorParty;

        var e = Record(log, distributor, CheckpointKind.Environmental, readings: [new Measurement("temperature", 7m, "CEL"), new Measurement("moisture", 13m, "%")]);

        Assert.Equal(Verdict.Fail, e.Verdict);
        Assert.Equal(
            [("chain:cold-store", false), ("product", false)],
            e.Results.Select(r => (r.Source, r.Within)));
    }

    [Fact]
    public void A_consumed_batch_takes_no_checkpoints()
    {
        var log = BatchLog.Produced(kilograms: 10m);
        log.Append(new BatchSplit("split", Sample.Producer, Sample.Farm, Sample.Now.AddMinutes(-30), [new BatchPart(Sample.Lot("C1"), Sample.Kg(10m))], Sample.Kg(0m)));

        Refusals.Expect(Refusal.FailedPrecondition, () => Record(log, LabParty, CheckpointKind.FoodSafety), $"batch {log.Batch} is consumed");
    }

    [Fact]
    public void An_unknown_batch_is_not_found()
    {
        var log = new BatchLog(Sample.Lot("NOPE"));

        Refusals.Expect(Refusal.NotFound, () => Record(log, ProducerParty, CheckpointKind.Production), $"batch {log.Batch} does not exist");
    }

    [Fact]
    public void The_observation_time_is_checked()
    {
        var log = BatchLog.Produced();

        Refusals.Expect(Refusal.FailedPrecondition, () => Record(log, ProducerParty, CheckpointKind.Production, at: log.State!.CreatedAt.AddSeconds(-1)), "observed_at", "events must be in order");
        Refusals.Expect(Refusal.InvalidArgument, () => Record(log, ProducerParty, CheckpointKind.Production, at: Sample.Now.AddHours(1)), "observed_at:", "in the future");
        Assert.Equal(log.State!.CreatedAt, Record(log, ProducerParty, CheckpointKind.Production, at: log.State.CreatedAt).EventTime);
    }

    [Fact]
    public void A_failed_food_safety_check_puts_the_batch_on_hold()
    {
        var log = BatchLog.Produced();
        var e = Record(log, LabParty, CheckpointKind.FoodSafety, readings: [new Measurement("moisture", 14m, "%")]);
        Assert.Equal(Verdict.Fail, e.Verdict);

        var state = log.Append(e);

        Assert.Equal(BatchStatus.OnHold, state.Status);
        Assert.Equal("failed drying check (check-FoodSafety)", state.HoldReason);
        Assert.Equal(1, state.FailedCheckpoints);
        Refusals.Expect(
            Refusal.FailedPrecondition,
            () => BatchRules.Ship(state, new ShipBatch("ship", log.Batch, Sample.Producer, Sample.Distributor, null, Sample.Farm, null), Sample.Now),
            "is on hold (failed drying check (check-FoodSafety)) and cannot be shipped");
    }

    [Theory]
    [InlineData(CheckpointKind.Environmental)]
    [InlineData(CheckpointKind.Production)]
    public void Other_failed_checkpoints_are_counted_but_do_not_hold_the_batch(CheckpointKind kind)
    {
        var log = BatchLog.Produced();
        var e = Record(log, ProducerParty, kind, readings: [new Measurement("moisture", 14m, "%")]);
        Assert.Equal(Verdict.Fail, e.Verdict);

        var state = log.Append(e);

        Assert.Equal(BatchStatus.Active, state.Status);
        Assert.Null(state.HoldReason);
        Assert.Equal(1, state.FailedCheckpoints);
    }

    [Fact]
    public void A_passed_food_safety_check_changes_nothing_but_the_version()
    {
        var log = BatchLog.Produced();
        var before = log.State!;

        var state = log.Append(Record(log, LabParty, CheckpointKind.FoodSafety));

        Assert.Equal(before with { Version = 2, HeadHash = state.HeadHash, UpdatedAt = Sample.Now }, state);
    }

    [Fact]
    public void A_second_failure_on_hold_keeps_the_first_reason()
    {
        var log = BatchLog.Produced();
        log.FailFoodSafety("sampling");

        var state = log.FailFoodSafety("harvesting");

        Assert.Equal(BatchStatus.OnHold, state.Status);
        Assert.StartsWith("failed sampling check", state.HoldReason, StringComparison.Ordinal);
        Assert.Equal(2, state.FailedCheckpoints);
    }
}
