using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Server.Epcis;

/// <summary>The OpenAPI document of the binding as this server maps it, generated from its endpoints, at {base}/openapi.json.</summary>
public static class EpcisOpenApi
{
    private const string Document = "openapi";

    public static WebApplicationBuilder AddEpcisOpenApi(this WebApplicationBuilder builder, EpcisOptions options)
    {
        var root = options.BasePath.Trim('/') + "/";
        builder.Services.AddOpenApi(Document, openApi =>
        {
            openApi.ShouldInclude = endpoint => endpoint.RelativePath?.StartsWith(root, StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "SupplyChain EPCIS 2.0 REST binding",
                    Version = "2.0.0",
                    Description = "What this repository serves of GS1's EPCIS 2.0 REST binding: JSON-LD only, bearer tokens, RFC 7807 problems. See README for what is not built (501).",
                };
                return Task.CompletedTask;
            });
            openApi.AddOperationTransformer((operation, context, _) =>
            {
                // Every events resource reads the same SimpleEventQuery parameters as GET /events.
                var path = context.Description.RelativePath ?? "";
                if (context.Description.HttpMethod == "GET" && path.EndsWith("/events", StringComparison.Ordinal))
                {
                    operation.Parameters ??= [];
                    foreach (var name in EventQueryParser.Names)
                    {
                        operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                    }
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapEpcisOpenApi(this WebApplication app, EpcisOptions options, int httpPort)
    {
        app.MapOpenApi(options.BasePath.TrimEnd('/') + "/{documentName}.json").RequireHost($"*:{httpPort}");
        return app;
    }
}
