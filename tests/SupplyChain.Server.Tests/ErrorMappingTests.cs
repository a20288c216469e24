extern alias server;

using Azure;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using ErrorMapping = server::SupplyChain.Server.Api.ErrorMapping;

namespace SupplyChain.Server.Tests;

/// <summary>Storage failures: a retry is suggested only where one can succeed.</summary>
public sealed class ErrorMappingTests
{
    private static readonly ErrorMapping Mapping = new(NullLogger<ErrorMapping>.Instance);

    [Theory]
    [InlineData(503, "ServerBusy", StatusCode.Unavailable)]
    [InlineData(500, "InternalError", StatusCode.Unavailable)]
    [InlineData(408, "OperationTimedOut", StatusCode.Unavailable)]
    [InlineData(429, "TooManyRequests", StatusCode.Unavailable)]
    [InlineData(412, "UpdateConditionNotSatisfied", StatusCode.Unavailable)]
    [InlineData(409, "EntityAlreadyExists", StatusCode.Unavailable)]
    [InlineData(0, null, StatusCode.Unavailable)]
    [InlineData(400, "EntityTooLarge", StatusCode.Internal)]
    [InlineData(400, "PropertyValueTooLarge", StatusCode.Internal)]
    [InlineData(404, "TableNotFound", StatusCode.Internal)]
    [InlineData(403, "AuthorizationFailure", StatusCode.Internal)]
    public void A_storage_failure_is_unavailable_only_when_a_retry_can_succeed(int status, string? code, StatusCode expected)
    {
        var failure = new RequestFailedException(status, "storage said no", code, null);

        var direct = Mapping.ToRpc(failure, "/supplychain.v1.BatchService/CreateBatch");
        var wrapped = Mapping.ToRpc(new OrleansException("Error from storage provider AzureTableGrainStorage.chain", failure), "/supplychain.v1.BatchService/CreateBatch");

        Assert.Equal((expected, expected), (direct.StatusCode, wrapped.StatusCode));
        Assert.Contains($"({status} {code})", direct.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(expected == StatusCode.Unavailable, direct.Status.Detail.Contains("retry with the same event_id", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_passing_failures_are_told_to_retry_on_the_REST_door_too()
    {
        Assert.Contains("did not answer in time", ErrorMapping.Passing(new AggregateException(new TimeoutException("grain call")))!, StringComparison.Ordinal);
        Assert.Contains("(503 ServerBusy)", ErrorMapping.Passing(new RequestFailedException(503, "busy", "ServerBusy", null))!, StringComparison.Ordinal);
        Assert.Null(ErrorMapping.Passing(new RequestFailedException(400, "too large", "EntityTooLarge", null)));
        Assert.Null(ErrorMapping.Passing(new InvalidOperationException("a defect")));
    }
}
