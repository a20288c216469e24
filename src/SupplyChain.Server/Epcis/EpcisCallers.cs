using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using SupplyChain.Domain.Access;
using SupplyChain.Server.Api;
using SupplyChain.Server.Hosting;

namespace SupplyChain.Server.Epcis;

/// <summary>The caller of an EPCIS request, from the same bearer tokens and claims as the gRPC door.</summary>
public sealed class EpcisCallers(IOptions<AuthOptions> options)
{
    public async Task<Caller> ReadAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length > HeaderLimits.BearerTokenLength)
        {
            throw EpcisProblem.Unauthenticated($"the authorization header has {header.Length} characters; at most {HeaderLimits.BearerTokenLength} are accepted");
        }

        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            throw EpcisProblem.Unauthenticated(SupplyChain.Server.Api.Access.Why(result, header));
        }

        try
        {
            return CallerClaims.Read(result.Principal, options.Value.GlnClaim, options.Value.RolesClaim);
        }
        catch (RpcException bad)
        {
            throw EpcisProblem.Unauthenticated(bad.Status.Detail);
        }
    }
}
