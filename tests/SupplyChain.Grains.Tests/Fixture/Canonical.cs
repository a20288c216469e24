using System.Text.Json;
using SupplyChain.Domain.Batches;

namespace SupplyChain.Grains.Tests.Fixture;

/// <summary>Compares values by their canonical JSON (records holding lists do not compare by content).</summary>
internal static class Canonical
{
    public static string Text<T>(T value) => JsonSerializer.Serialize(value, EventHash.Canonical);

    public static void Same<T>(T expected, T actual, string what) =>
        Assert.True(Text(expected) == Text(actual), $"expected {what} to be\n{Text(expected)}\nbut it was\n{Text(actual)}");
}
