using Microsoft.IdentityModel.JsonWebTokens;
using SupplyChain.Cli.Arguments;
using SupplyChain.Cli.Auth;
using SupplyChain.Cli.Output;
using SupplyChain.V1;

namespace SupplyChain.Cli.Commands;

/// <summary>Getting a token: minted with the development key, or one from the organisation's identity provider.</summary>
internal static class LoginCommands
{
    public static IReadOnlyList<Command> All { get; } =
    [
        new("login",
            "--dev --as GLN [--role R[,R]] [--hours H] [--key FILE] | --dev --admin | --token JWT",
            "Keep a token for the next commands: a development token for a participant (its registered roles unless --role) or an administrator, or a given JWT",
            LoginAsync),
        new("whoami", "", "Show the participant, roles and expiry of the kept token", WhoAmIAsync),
    ];

    private static async Task<int> LoginAsync(CommandContext context)
    {
        var line = context.Line;
        var given = line.Optional("token");
        var dev = line.Flag("dev");
        var admin = line.Flag("admin");
        var gln = line.Optional("as");
        var roles = line.Optional("role");
        var hours = line.Optional("hours") is { } h ? ValueSyntax.Number("--hours", h) : 12;
        var keyFile = line.Optional("key");
        line.RejectUnused();

        string token;
        if (given is not null)
        {
            token = dev || admin || gln is not null ? throw new UsageException("--token stands alone") : given;
        }
        else if (!dev)
        {
            throw new UsageException("give --dev (a development token) or --token JWT");
        }
        else
        {
            if (admin == (gln is not null))
            {
                throw new UsageException("give --as GLN or --admin");
            }

            if (hours is <= 0 or > 24 * 7)
            {
                throw new UsageException("--hours must be more than 0 and at most 168");
            }

            var key = DevTokens.ReadKey(context.Credentials.DevKeyFile(keyFile));
            var names = admin ? new List<string> { "admin" }
                : roles is not null ? ValueSyntax.Names<Role>("--role", roles).Select(r => Display.Name(r)).ToList()
                : await RegisteredRolesAsync(context, keyFile, gln!);
            token = DevTokens.Mint(key, admin ? null : gln, names, TimeSpan.FromHours(hours));
        }

        context.Credentials.Save(token);
        Describe(context.Out, token);
        context.Out.WriteLine($"token kept in {context.Credentials.TokenFile}");
        return ExitCode.Success;
    }

    private static Task<int> WhoAmIAsync(CommandContext context)
    {
        context.Line.RejectUnused();
        var token = context.Credentials.Token() ?? throw new UsageException("no token: run 'supplychain login'");
        Describe(context.Out, token);
        return Task.FromResult(ExitCode.Success);
    }

    /// <summary>The participant's roles as registered, read with the development key (whoever holds it is the authority).</summary>
    private static async Task<List<string>> RegisteredRolesAsync(CommandContext context, string? keyFile, string gln)
    {
        var participants = new ParticipantService.ParticipantServiceClient(context.DevSigned(keyFile));
        var participant = await participants.GetParticipantAsync(new GetParticipantRequest { Gln = gln });
        return participant.Roles.Select(r => Display.Name(r)).ToList();
    }

    private static void Describe(TextWriter output, string token)
    {
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            throw new UsageException("the token is not a JWT");
        }

        new Fields()
            .Add("participant", jwt.TryGetPayloadValue<string>(DevTokens.GlnClaim, out var gln) ? gln : "(none)")
            .Add("roles", string.Join(", ", jwt.Claims.Where(c => c.Type == DevTokens.RolesClaim).Select(c => c.Value)))
            .Add("issuer", jwt.Issuer)
            .Add("expires", jwt.ValidTo.ToString("u", System.Globalization.CultureInfo.InvariantCulture))
            .WriteTo(output);
    }
}
