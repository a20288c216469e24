using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupplyChain.Application.Alerts;
using SupplyChain.Application.Batches;
using SupplyChain.Application.Chains;
using SupplyChain.Application.Epcis;
using SupplyChain.Application.Links;
using SupplyChain.Application.Participants;
using SupplyChain.Application.Traces;

namespace SupplyChain.Application;

public static class ApplicationSetup
{
    /// <summary>The commands and queries every door maps onto; they hold no state of their own.</summary>
    public static IServiceCollection AddSupplyChainApplication(this IServiceCollection services)
    {
        services.AddSingleton<BatchCommands>();
        services.AddSingleton<BatchQueries>();
        services.AddSingleton<TraceQueries>();
        services.AddSingleton<TraceExports>();
        services.AddSingleton<Recalls>();
        services.AddSingleton<EpcisImporter>();
        services.AddSingleton<EpcisEvents>();
        services.AddSingleton<NamedQueries>();
        services.AddSingleton<EpcisSubscriptions>();
        services.AddSingleton<SupplyChain.Abstractions.Epcis.ISubscriptionPump, SubscriptionPump>();
        services.AddSingleton<EpcisCaptures>();
        services.AddSingleton<ChainCommands>();
        services.AddSingleton<ChainQueries>();
        services.AddSingleton<ParticipantCommands>();
        services.AddSingleton<ParticipantQueries>();
        services.AddSingleton<AlertAudiences>();
        services.AddSingleton<AlertInbox>();
        services.AddSingleton<Webhooks>();
        services.AddSingleton<RecallReports>();
        services.TryAddSingleton(new CanonicalLinks(null));
        return services;
    }
}
