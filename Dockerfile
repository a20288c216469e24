# SupplyChain server: ASP.NET Core gRPC API with its Orleans silo.
# Build: docker build -t supplychain .
# Run:   docker run -p 5080:5080 -p 5081:5081 -e Storage__ConnectionString="<Azure Storage connection string>" supplychain

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that the layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SupplyChain.Domain/SupplyChain.Domain.csproj src/SupplyChain.Domain/
COPY src/SupplyChain.Abstractions/SupplyChain.Abstractions.csproj src/SupplyChain.Abstractions/
COPY src/SupplyChain.Grains/SupplyChain.Grains.csproj src/SupplyChain.Grains/
COPY src/SupplyChain.Application/SupplyChain.Application.csproj src/SupplyChain.Application/
COPY src/SupplyChain.Server/SupplyChain.Server.csproj src/SupplyChain.Server/
RUN dotnet restore src/SupplyChain.Server/SupplyChain.Server.csproj
COPY src/ src/
RUN dotnet publish src/SupplyChain.Server/SupplyChain.Server.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV Server__ListenAddress=0.0.0.0 \
    Server__GrpcPort=5080 \
    Server__HttpPort=5081 \
    Cluster__SiloPort=11111 \
    Cluster__GatewayPort=30000
# gRPC (HTTP/2), health (HTTP/1.1), Orleans silo-to-silo, Orleans gateway.
EXPOSE 5080 5081 11111 30000
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "SupplyChain.Server.dll", "--probe"]
ENTRYPOINT ["dotnet", "SupplyChain.Server.dll"]
