using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>Registering and reading organisations.</summary>
internal static class ParticipantCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("participant register",
            "--gln G --name N --role producer[,processor,distributor,retailer,lab,auditor] [--province P --district D --commune C --kind cooperative|enterprise|household]",
            "Register an organisation by GLN with its roles and address",
            RegisterAsync),
        new("participant show", "GLN", "Show a participant and the products it registered", ShowAsync),
    ];

    private static async Task<int> RegisterAsync(CommandContext context)
    {
        var line = context.Line;
        var request = new RegisterParticipantRequest
        {
            Gln = line.Required("gln"),
            Name = line.Required("name"),
            Province = line.Optional("province") ?? "",
            District = line.Optional("district") ?? "",
            Commune = line.Optional("commune") ?? "",
            Kind = line.Optional("kind") is { } kind ? ValueSyntax.Name<ProducerKind>("--kind", kind) : ProducerKind.Unspecified,
        };
        request.Roles.Add(ValueSyntax.Names<Role>("--role", line.Required("role")));
        line.RejectUnused();

        var participant = await Client(context).RegisterParticipantAsync(request);
        Write(context.Out, participant);
        return ExitCode.Success;
    }

    private static async Task<int> ShowAsync(CommandContext context)
    {
        var request = new GetParticipantRequest { Gln = context.Line.Positional(0, "GLN") };
        context.Line.RejectUnused();

        Write(context.Out, await Client(context).GetParticipantAsync(request));
        return ExitCode.Success;
    }

    private static ParticipantService.ParticipantServiceClient Client(CommandContext context) => new(context.Channel);

    private static void Write(TextWriter output, Participant participant) =>
        new Fields()
            .Add("gln", participant.Gln)
            .Add("name", participant.Name)
            .Add("roles", Display.Names(participant.Roles))
            .Add("kind", Display.Name(participant.Kind))
            .Add("province", participant.Province)
            .Add("district", participant.District)
            .Add("commune", participant.Commune)
            .Add("registered", Display.Time(participant.RegisteredAt))
            .Add("products", string.Join(", ", participant.ProductGtins))
            .WriteTo(output);
}
