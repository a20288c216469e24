using Microsoft.AspNetCore.Connections;
using Orleans.Configuration;

namespace SupplyChain.Server.Hosting;

/// <summary>
/// A fault switch for failure tests (setting Faults__SiloLinks=true; off in production): while cut, the silo drops every
/// connection to and from other silos and refuses new ones, but keeps its storage, gateway and gRPC port: a silo cut
/// off from its peers, as a network partition would leave it.
/// </summary>
public sealed class SiloLinkFault
{
    public const string Setting = "Faults:SiloLinks";

    private readonly HashSet<ConnectionContext> _open = [];
    private volatile bool _cut;

    public bool Cut => _cut;

    public void Set(bool cut)
    {
        _cut = cut;
        if (cut)
        {
            List<ConnectionContext> open;
            lock (_open)
            {
                open = _open.ToList();
            }

            foreach (var connection in open)
            {
                connection.Abort(new ConnectionAbortedException("silo links cut by the fault switch"));
            }
        }
    }

    private ConnectionDelegate Guard(ConnectionDelegate next) => async connection =>
    {
        if (_cut)
        {
            connection.Abort(new ConnectionAbortedException("silo links cut by the fault switch"));
            return;
        }

        lock (_open)
        {
            _open.Add(connection);
        }

        try
        {
            await next(connection);
        }
        finally
        {
            lock (_open)
            {
                _open.Remove(connection);
            }
        }
    };

    /// <summary>Puts the switch on the silo's connections to and from other silos, when the setting allows it.</summary>
    public static void AddTo(ISiloBuilder silo, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(Setting))
        {
            return;
        }

        var fault = new SiloLinkFault();
        silo.Services.AddSingleton(fault);
        silo.Configure<SiloConnectionOptions>(o =>
        {
            o.ConfigureSiloInboundConnection(b => b.Use(fault.Guard));
            o.ConfigureSiloOutboundConnection(b => b.Use(fault.Guard));
        });
    }

    /// <summary>POST /faults/silo-links/cut and /mend on the HTTP port, when the setting allows it.</summary>
    public static void MapTo(WebApplication app, int httpPort)
    {
        if (app.Services.GetService<SiloLinkFault>() is not { } fault)
        {
            return;
        }

        app.MapPost("/faults/silo-links/{state:regex(^(cut|mend)$)}", (string state) =>
        {
            fault.Set(state == "cut");
            return Results.Ok(state);
        }).RequireHost($"*:{httpPort}");
    }
}
