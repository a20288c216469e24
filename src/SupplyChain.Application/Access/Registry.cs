using SupplyChain.Domain;
using SupplyChain.Domain.Access;

namespace SupplyChain.Application.Access;

/// <summary>Reads of what is registered (participants, products, chain definitions): every caller a door identified.</summary>
internal static class Registry
{
    public static void Require(Caller caller)
    {
        if (!Rulebook.MayRead(caller, Act.ReadRegistry, isParty: false))
        {
            throw DomainException.Denied($"{Rulebook.Of(Act.ReadRegistry).What} needs a token");
        }
    }
}
