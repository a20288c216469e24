using SupplyChain.Domain.Access;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Access;

public sealed class RulebookTests
{
    private static Caller Token(Gln? gln, params Role[] roles) => new(gln?.Value ?? "ops", gln, roles.ToHashSet(), false);

    private static readonly Caller Admin = new("ops", null, new HashSet<Role>(), true);

    [Fact]
    public void Every_act_has_exactly_one_rule()
    {
        Assert.Equal(Enum.GetValues<Act>(), Rulebook.All.Select(rule => rule.Act));
        Assert.All(Enum.GetValues<Act>(), act => Assert.Equal(act, Rulebook.Of(act).Act));
    }

    [Fact]
    public void Any_recording_role_or_an_auditor_may_declare_an_event_in_error_but_only_its_own_unless_an_auditor()
    {
        Assert.Equal((Party.OwnOrAdminForAnyone, Reach.Write), (Rulebook.Of(Act.DeclareError).Party, Rulebook.Of(Act.DeclareError).Reach));
        Assert.All(Enum.GetValues<Role>(), role => Assert.True(Rulebook.Of(Act.DeclareError).AllowsAny([role]), $"{role} should declare its own events"));

        Rulebook.PermitDeclaring(Sample.Party(Sample.Producer, Role.Producer), Sample.Producer, "event e1");
        Rulebook.PermitDeclaring(Sample.Party(Sample.Auditor, Role.Auditor), Sample.Producer, "event e1");
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.PermitDeclaring(Sample.Party(Sample.Distributor, Role.Distributor), Sample.Producer, "event e1"),
            $"event e1 was recorded by {Sample.Producer}: only that party or an auditor may declare it in error, not {Sample.Distributor}");
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.PermitImported(Token(Sample.Producer, Role.Producer), Act.DeclareError, Sample.Producer, Sample.Distributor, "eventList[0]"),
            "eventList[0]: acts in the name of");
    }

    [Fact]
    public void Food_safety_checks_are_a_lab_s_or_an_auditor_s_whatever_else_the_caller_holds()
    {
        Assert.Equal([Role.Lab, Role.Auditor], Rulebook.Of(Act.FoodSafetyCheckpoint).Roles);
        foreach (var role in Enum.GetValues<Role>())
        {
            var allowed = role is Role.Lab or Role.Auditor;
            Assert.True(allowed == Rulebook.Of(Act.FoodSafetyCheckpoint).AllowsAny([role]), $"{role} {(allowed ? "should" : "should not")} record food-safety checks");
        }

        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.Acting(Token(Sample.Producer, Role.Producer), Act.FoodSafetyCheckpoint, "actor_gln", ""),
            "a food-safety checkpoint needs the role lab or auditor; the token has producer");
        Assert.Equal(Sample.Lab.Value, Rulebook.Acting(Token(Sample.Lab, Role.Lab), Act.FoodSafetyCheckpoint, "actor_gln", ""));
        Assert.Equal(Sample.Auditor.Value, Rulebook.Acting(Token(Sample.Auditor, Role.Auditor), Act.FoodSafetyCheckpoint, "actor_gln", Sample.Auditor.Value));
    }

    [Fact]
    public void A_participant_acts_only_in_its_own_name_and_an_empty_field_is_filled_from_the_token()
    {
        var producer = Token(Sample.Producer, Role.Producer);

        Assert.Equal(Sample.Producer.Value, Rulebook.Acting(producer, Act.CreateBatch, "producer_gln", " "));
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.Acting(producer, Act.CreateBatch, "producer_gln", Sample.Distributor.Value),
            $"producer_gln {Sample.Distributor} is another party: the token is for {Sample.Producer}");
        Refusals.Expect(Refusal.InvalidArgument, () => Rulebook.Acting(producer, Act.CreateBatch, "producer_gln", "123"), "producer_gln");
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.Acting(Token(null, Role.Producer), Act.CreateBatch, "producer_gln", ""), "producer_gln: the token names no participant");
    }

    [Fact]
    public void An_administrator_registers_and_imports_for_anyone_but_moves_no_goods_in_its_own_right()
    {
        Rulebook.Permit(Admin, Act.RegisterParticipant);
        Rulebook.Permit(Admin, Act.DefineChain);
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.Permit(Token(Sample.Producer, Role.Producer, Role.Auditor), Act.DefineChain),
            "defining a distribution chain needs the role admin; the token has producer, auditor");

        Assert.Equal(Sample.Distributor.Value, Rulebook.Acting(Admin, Act.Import, "actor_gln", Sample.Distributor.Value));
        Rulebook.PermitImported(Admin, Act.FoodSafetyCheckpoint, Sample.Distributor, Sample.Lab, "eventList[0]");
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.Acting(Admin, Act.Ship, "actor_gln", ""), "shipping needs the role producer or processor or distributor or retailer; the token has no role admin");
    }

    [Fact]
    public void Each_imported_step_is_checked_as_the_act_it_is_for_the_importing_party()
    {
        var producer = Token(Sample.Producer, Role.Producer);

        Rulebook.PermitImported(producer, Act.CreateBatch, Sample.Producer, Sample.Producer, "eventList[0]");
        Rulebook.PermitImported(producer, Act.ProductionCheckpoint, Sample.Producer, Sample.Producer, "eventList[1]");
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.PermitImported(producer, Act.FoodSafetyCheckpoint, Sample.Producer, Sample.Producer, "eventList[2]"),
            "eventList[2]: a food-safety checkpoint needs the role lab or auditor; the token has producer");
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.PermitImported(producer, Act.Receive, Sample.Producer, Sample.Distributor, "eventList[3]"),
            $"eventList[3]: acts in the name of {Sample.Distributor}, not of the importing party {Sample.Producer}");
    }

    [Fact]
    public void A_registered_participant_s_roles_are_held_to_the_same_table()
    {
        Rulebook.PermitRegistered(Sample.Party(Sample.Lab, Role.Lab), Rulebook.Checkpoint(CheckpointKind.FoodSafety));
        Rulebook.PermitRegistered(Sample.Party(Sample.Producer, Role.Producer), Rulebook.Checkpoint(CheckpointKind.Production));
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.PermitRegistered(Sample.Party(Sample.Producer, Role.Producer), Rulebook.Checkpoint(CheckpointKind.FoodSafety)),
            $"{Sample.Producer} is registered as producer: a food-safety checkpoint needs the role lab or auditor");
    }

    [Fact]
    public void Auditors_and_administrators_read_everything_parties_read_their_own_and_anyone_reads_a_public_page()
    {
        var retailer = Token(Sample.Retailer, Role.Retailer);

        Assert.True(Rulebook.MayRead(Token(Sample.Auditor, Role.Auditor), Act.ReadBatch, isParty: false));
        Assert.True(Rulebook.MayRead(Admin, Act.ReadChain, isParty: false));
        Assert.False(Rulebook.MayRead(retailer, Act.ReadBatch, isParty: false));
        Assert.True(Rulebook.MayRead(retailer, Act.ReadBatch, isParty: true));
        Assert.True(Rulebook.MayRead(retailer, Act.ReadRegistry, isParty: false));
        Assert.False(Rulebook.MayRead(Caller.Anonymous, Act.ReadRegistry, isParty: false));
        Assert.False(Rulebook.MayRead(Caller.Anonymous, Act.ReadBatch, isParty: false));
        Assert.True(Rulebook.MayRead(Caller.Anonymous, Act.PublicLotPage, isParty: false));
        Assert.False(Rulebook.MayRead(retailer, Act.Ship, isParty: true));

        Assert.Equal(Sample.Producer.Value, Rulebook.Acting(Token(Sample.Auditor, Role.Auditor), Act.ListBatches, "participant_gln", Sample.Producer.Value));
        Refusals.Expect(Refusal.PermissionDenied, () => Rulebook.Acting(retailer, Act.ListBatches, "participant_gln", Sample.Producer.Value), "is another party");
    }

    [Fact]
    public void Every_batch_command_is_an_act_of_the_table()
    {
        Assert.Equal(Act.FoodSafetyCheckpoint, Rulebook.Checkpoint(CheckpointKind.FoodSafety));
        Assert.Equal(Act.EnvironmentalCheckpoint, Rulebook.Checkpoint(CheckpointKind.Environmental));
        Assert.Equal(Act.ProductionCheckpoint, Rulebook.Checkpoint(CheckpointKind.Production));
        Assert.Equal(Act.Ship, Rulebook.Command(new ShipBatch("e", Sample.Lot("L1"), Sample.Producer, Sample.Distributor, null, Sample.Producer, null)));
        Assert.Throws<ArgumentException>(() => Rulebook.Command("not a command"));
    }
}
