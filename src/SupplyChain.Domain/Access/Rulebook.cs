using System.Collections.Frozen;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Domain.Access;

/// <summary>
/// Who may do what, in whose name, and who reads what: one table every door and the batch rules consult. A token's roles
/// are checked against it at the door; a registered participant's roles where the batch rules act in its name.
/// </summary>
public static class Rulebook
{
    /// <summary>The roles that read every batch, chain and listing, as administrators do.</summary>
    public static readonly IReadOnlyList<Role> ReadEverything = [Role.Auditor];

    /// <summary>The roles that move goods or record production: they may hold batches.</summary>
    public static readonly IReadOnlyList<Role> Operators = [Role.Producer, Role.Processor, Role.Distributor, Role.Retailer];

    /// <summary>The operators and labs: those who record production and environmental checkpoints.</summary>
    public static readonly IReadOnlyList<Role> Recorders = [Role.Producer, Role.Processor, Role.Distributor, Role.Retailer, Role.Lab];

    /// <summary>Those who certify a lot's food safety: never its producer or holder by that role alone.</summary>
    public static readonly IReadOnlyList<Role> Inspectors = [Role.Lab, Role.Auditor];

    /// <summary>Those who may declare an event in error: whoever records events (each only its own) and auditors (any).</summary>
    public static readonly IReadOnlyList<Role> Declarers = [Role.Producer, Role.Processor, Role.Distributor, Role.Retailer, Role.Lab, Role.Auditor];

    private static readonly FrozenDictionary<Act, Rule> Rules = new Rule[]
    {
        new(Act.RegisterParticipant, "registering a participant", [], Party.AdminOnly, Reach.Write),
        new(Act.DefineChain, "defining a distribution chain", [], Party.AdminOnly, Reach.Write),
        new(Act.RegisterProduct, "registering a product", [Role.Producer], Party.Own, Reach.Write),
        new(Act.CreateBatch, "creating a batch", [Role.Producer], Party.Own, Reach.Write),
        new(Act.ProductionCheckpoint, "a production checkpoint", Recorders, Party.Own, Reach.Write),
        new(Act.EnvironmentalCheckpoint, "an environmental checkpoint", Recorders, Party.Own, Reach.Write),
        new(Act.FoodSafetyCheckpoint, "a food-safety checkpoint", Inspectors, Party.Own, Reach.Write),
        new(Act.Ship, "shipping", Operators, Party.Own, Reach.Write),
        new(Act.Receive, "receiving", Operators, Party.Own, Reach.Write),
        new(Act.Split, "splitting", Operators, Party.Own, Reach.Write),
        new(Act.Merge, "merging", Operators, Party.Own, Reach.Write),
        new(Act.Transform, "transforming", Operators, Party.Own, Reach.Write),
        new(Act.Recall, "a recall", [Role.Auditor], Party.Own, Reach.Write),
        new(Act.Hold, "placing or lifting a hold", [Role.Auditor], Party.Own, Reach.Write),
        new(Act.DeclareError, "declaring an event in error", Declarers, Party.OwnOrAdminForAnyone, Reach.Write),
        new(Act.Import, "importing EPCIS events", Operators, Party.OwnOrAdminForAnyone, Reach.Write),
        new(Act.ListBatches, "listing batches", null, Party.OwnOrReaderForAnyone, Reach.OwnListing),
        new(Act.WatchAlerts, "watching a participant's alerts", null, Party.OwnOrReaderForAnyone, Reach.OwnListing),
        new(Act.ReadAlerts, "reading a participant's stored alerts", null, Party.OwnOrReaderForAnyone, Reach.OwnListing),
        new(Act.AcknowledgeAlerts, "acknowledging alerts", null, Party.Own, Reach.Write),
        new(Act.RegisterWebhook, "registering a webhook", null, Party.Own, Reach.Write),
        new(Act.ReadRecallReport, "reading a recall's report", [Role.Auditor], Party.None, Reach.BatchParties),
        new(Act.ReadDeliveries, "reading a participant's webhook and its deliveries", null, Party.OwnOrReaderForAnyone, Reach.OwnListing),
        new(Act.ReadBatch, "reading a batch", null, Party.None, Reach.BatchParties),
        new(Act.ReadChain, "reading a chain's report and alerts", null, Party.None, Reach.ChainMembers),
        new(Act.ReadRegistry, "reading participants, products and chains", null, Party.None, Reach.Registry),
        new(Act.PublicLotPage, "a lot's public page", null, Party.None, Reach.PublicFields),
        new(Act.DefineQuery, "defining a named EPCIS query", null, Party.None, Reach.Write),
        new(Act.ReadQueries, "reading named EPCIS queries", null, Party.None, Reach.Registry),
        new(Act.DeleteQuery, "deleting a named EPCIS query", null, Party.MakerOrAdmin, Reach.Write),
        new(Act.Subscribe, "subscribing to a named EPCIS query", null, Party.MakerOrAdmin, Reach.Write),
    }.ToFrozenDictionary(rule => rule.Act);

    /// <summary>Every rule, one per act.</summary>
    public static IEnumerable<Rule> All => Rules.Values.OrderBy(rule => rule.Act);

    public static Rule Of(Act act) => Rules[act];

    /// <summary>The act that records a checkpoint of this kind.</summary>
    public static Act Checkpoint(CheckpointKind kind) => kind switch
    {
        CheckpointKind.FoodSafety => Act.FoodSafetyCheckpoint,
        CheckpointKind.Environmental => Act.EnvironmentalCheckpoint,
        _ => Act.ProductionCheckpoint,
    };

    /// <summary>The act a batch command is.</summary>
    public static Act Command(object command) => command switch
    {
        CreateBatch => Act.CreateBatch,
        RecordCheckpoint c => Checkpoint(c.Kind),
        ShipBatch => Act.Ship,
        ReceiveBatch => Act.Receive,
        SplitBatch => Act.Split,
        MergeBatches => Act.Merge,
        TransformBatches => Act.Transform,
        RecallBatch => Act.Recall,
        ChangeHold => Act.Hold,
        DeclareError => Act.DeclareError,
        _ => throw new ArgumentException($"{command.GetType().Name} is no batch command", nameof(command)),
    };

    /// <summary>An administrator, or a caller with a role that reads everything.</summary>
    public static bool ReadsAll(Caller caller) => caller.Admin || caller.Roles.Any(ReadEverything.Contains);

    /// <summary>Refuses the caller unless its token lets it do the act at all (whose name it acts in is <see cref="Acting"/>'s question).</summary>
    public static void Permit(Caller caller, Act act)
    {
        var rule = Of(act);
        if (rule.Party == Party.AdminOnly)
        {
            if (!caller.Admin)
            {
                throw DomainException.Denied($"{rule.What} needs the role admin; the token has {Words(caller.Roles)}");
            }

            return;
        }

        if (rule.Party == Party.OwnOrAdminForAnyone && caller.Admin)
        {
            return;
        }

        if (!rule.AllowsAny(caller.Roles))
        {
            throw DomainException.Denied($"{rule.What} needs the role {Alternatives(rule.Roles!)}; the token has {Words(caller.Roles)}{(caller.Admin ? " admin" : "")}");
        }
    }

    /// <summary>
    /// The GLN the act is done in the name of: <paramref name="requested"/> (a request's <paramref name="field"/>) when it
    /// names the caller, the caller's own when it is empty; the caller's choice, unchecked, where the rule lets it act for
    /// anyone. Refuses a caller that may not do the act or names another party.
    /// </summary>
    public static string Acting(Caller caller, Act act, string field, string requested)
    {
        Permit(caller, act);
        var rule = Of(act);
        if (rule.Party is Party.AdminOnly or Party.None
            || (rule.Party == Party.OwnOrAdminForAnyone && caller.Admin)
            || (rule.Party == Party.OwnOrReaderForAnyone && ReadsAll(caller)))
        {
            return requested;
        }

        if (caller.Gln is not { } own)
        {
            throw DomainException.Denied($"{field}: the token names no participant (it has no GLN claim); only a participant's token acts on batches");
        }

        if (requested.Trim().Length == 0)
        {
            return own.Value;
        }

        var named = Gln.Parse(requested, field);
        return named == own
            ? own.Value
            : throw DomainException.Denied($"{field} {named} is another party: the token is for {own}, and a participant acts only in its own name");
    }

    /// <summary>
    /// Checks one command of an imported document (at <paramref name="place"/>) as the act it is, done by the caller for
    /// <paramref name="importer"/>: an administrator imports in anyone's name (the acting participant's registered roles
    /// still count, in the batch rules); anyone else only in the importer's name, with a role the act allows.
    /// </summary>
    public static void PermitImported(Caller caller, Act act, Gln importer, Gln actor, string place)
    {
        if (caller.Admin)
        {
            return;
        }

        if (actor != importer)
        {
            // A document may name other parties as acting (a shipment's source, a receipt's destination); only an administrator imports in their names.
            throw DomainException.Denied($"{place}: acts in the name of {actor}, not of the importing party {importer}");
        }

        var rule = Of(act);
        if (!rule.AllowsAny(caller.Roles))
        {
            throw DomainException.Denied($"{place}: {rule.What} needs the role {Alternatives(rule.Roles!)}; the token has {Words(caller.Roles)}");
        }
    }

    /// <summary>Refuses a registered participant whose roles do not let it do the act, whoever's token carried the command.</summary>
    public static void PermitRegistered(Participant participant, Act act)
    {
        var rule = Of(act);
        if (!rule.AllowsAny(participant.Roles))
        {
            throw DomainException.Denied($"{participant.Gln} is registered as {Words(participant.Roles)}: {rule.What} needs the role {Alternatives(rule.Roles!)}");
        }
    }

    /// <summary>
    /// Refuses a declarer who is neither the party that recorded the event (<paramref name="recorder"/>) nor a registered
    /// auditor: a party answers for its own records, an auditor for any.
    /// </summary>
    public static void PermitDeclaring(Participant declarer, Gln recorder, string what)
    {
        PermitRegistered(declarer, Act.DeclareError);
        if (declarer.Gln != recorder && !declarer.Has(Role.Auditor))
        {
            throw DomainException.Denied($"{what} was recorded by {recorder}: only that party or an auditor may declare it in error, not {declarer.Gln}");
        }
    }

    /// <summary>Refuses a caller that is neither the maker of what the act changes nor an administrator.</summary>
    public static void PermitMaker(Caller caller, Act act, string maker, string what)
    {
        Permit(caller, act);
        if (Of(act).Party == Party.MakerOrAdmin && !caller.Admin && caller.Subject != maker)
        {
            throw DomainException.Denied($"{Of(act).What}: {what} was made by {maker}, not by {caller.Name}; only its maker or an administrator may change it");
        }
    }

    /// <summary>Whether the caller may see what a read act shows, given whether it is one of the thing's parties.</summary>
    public static bool MayRead(Caller caller, Act act, bool isParty) => Of(act).Reach switch
    {
        Reach.Registry => caller.Authenticated,
        Reach.PublicFields => true,
        Reach.BatchParties or Reach.ChainMembers or Reach.OwnListing => ReadsAll(caller) || isParty,
        _ => false,
    };

    private static string Alternatives(IEnumerable<Role> roles) => string.Join(" or ", roles.Select(Word));

    private static string Words(IEnumerable<Role> roles) => roles.Any() ? string.Join(", ", roles.Select(Word)) : "no role";

    private static string Word(Role role) => role.ToString().ToLowerInvariant();
}
