using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SupplyChain.Server.Hosting;

/// <summary>Bearer-token validation: issuer, audience, lifetime and signature, from <see cref="AuthOptions"/>.</summary>
public static class Authentication
{
    /// <summary>Why the configuration cannot authenticate anyone, or null when it can.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        var options = Options(configuration);
        if (options.Authority is { Length: > 0 })
        {
            return null;
        }

        if (options.SigningKey is not { Length: > 0 } && options.SigningKeyFile is not { Length: > 0 })
        {
            return "no token authority is configured: set Auth__Authority (an OpenID Connect authority) or Auth__SigningKey / "
                + "Auth__SigningKeyFile (a local signing key); the server does not run without authentication";
        }

        try
        {
            _ = SigningKey(options);
            return null;
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    public static WebApplicationBuilder AddSupplyChainAuthentication(this WebApplicationBuilder builder)
    {
        var options = Options(builder.Configuration);
        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;

            // A client sends the same token with every call: validated once, not once a call.
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(new CachingTokenHandler(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System));
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidAudience = options.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = options.GlnClaim,
                RoleClaimType = options.RolesClaim,
            };
            if (options.Authority is { Length: > 0 } authority)
            {
                jwt.Authority = authority;
                jwt.Audience = options.Audience;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
            else
            {
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(SigningKey(options));
                jwt.TokenValidationParameters.ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 };
            }
        });
        return builder;
    }

    private static AuthOptions Options(IConfiguration configuration) =>
        configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

    private static byte[] SigningKey(AuthOptions options)
    {
        var (text, source) = options.SigningKey is { Length: > 0 } inline
            ? (inline, "Auth__SigningKey")
            : (File.ReadAllText(options.SigningKeyFile!).Trim(), options.SigningKeyFile!);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new FormatException($"the signing key in {source} is not base64");
        }

        return key.Length >= 32 ? key : throw new FormatException($"the signing key in {source} has {key.Length} bytes; at least 32 are needed");
    }
}
