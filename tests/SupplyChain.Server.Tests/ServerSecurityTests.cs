using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using SupplyChain.Cli.Auth;
using SupplyChain.Testing;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Servers started with security settings of their own: no token authority, a tight rate, a TLS certificate.</summary>
public sealed class ServerSecurityTests : IAsyncLifetime
{
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Without_a_token_authority_the_server_refuses_to_start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.ServerDll)! };
        start.ArgumentList.Add(RepositoryPaths.ServerDll);
        start.Environment["Storage__ConnectionString"] = _azurite.ConnectionString;
        start.Environment["Server__GrpcPort"] = $"{FreePort.Next()}";
        start.Environment["Server__HttpPort"] = $"{FreePort.Next()}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Auth__SigningKey");
        start.Environment.Remove("Auth__SigningKeyFile");
        start.Environment.Remove("Auth__Authority");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("no token authority is configured", await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_over_its_rate_gets_resource_exhausted_and_others_are_not_slowed()
    {
        await using var server = await ServerProcess.StartAsync(_azurite.ConnectionString, new Dictionary<string, string>
        {
            ["Auth__RequestsPerSecond"] = "5",
            ["Auth__Burst"] = "5",
        });
        var busy = new ParticipantService.ParticipantServiceClient(server.As(Ids.Gln(), "retailer"));
        var outcomes = new List<StatusCode>();
        string? message = null;
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await busy.GetParticipantAsync(new GetParticipantRequest { Gln = Ids.Gln() });
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                message ??= e.StatusCode == StatusCode.ResourceExhausted ? e.Status.Detail : null;
            }
        }

        // Not-found answers (the participants do not exist) until the bucket is empty, then refusals.
        Assert.Contains(StatusCode.NotFound, outcomes);
        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
        Assert.All(outcomes, o => Assert.True(o is StatusCode.NotFound or StatusCode.ResourceExhausted, $"{o}"));
        Assert.Contains("more than 5 calls per second", message, StringComparison.Ordinal);

        // Another participant has a bucket of its own.
        var other = new ParticipantService.ParticipantServiceClient(server.As(Ids.Gln(), "retailer"));
        var answer = await Assert.ThrowsAsync<RpcException>(() => other.GetParticipantAsync(new GetParticipantRequest { Gln = Ids.Gln() }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public async Task Given_a_certificate_the_grpc_port_speaks_tls()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"supplychain-test-{Guid.NewGuid():N}.pfx");
        using var certificate = SelfSigned();
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        try
        {
            await using var server = await ServerProcess.StartAsync(_azurite.ConnectionString, new Dictionary<string, string>
            {
                ["Server__CertificatePath"] = pfx,
                ["Server__CertificatePassword"] = "test-password",
            });
            var thumbprint = certificate.Thumbprint;
            using var channel = GrpcChannel.ForAddress($"https://127.0.0.1:{server.GrpcPort}", new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler
                {
                    SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is X509Certificate2 c && c.Thumbprint == thumbprint },
                },
            });
            var participants = new ParticipantService.ParticipantServiceClient(channel.Intercept(new DevSigner(server.Key)));
            var answer = await Assert.ThrowsAsync<RpcException>(() => participants.GetParticipantAsync(new GetParticipantRequest { Gln = Ids.Gln() }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, answer.StatusCode);

            // Cleartext HTTP/2 is no longer spoken on that port.
            var cleartext = new ParticipantService.ParticipantServiceClient(server.Channel);
            var refused = await Assert.ThrowsAsync<RpcException>(() => cleartext.GetParticipantAsync(new GetParticipantRequest { Gln = Ids.Gln() }).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=supplychain-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
