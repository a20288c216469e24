namespace SupplyChain.Domain.Tests.Fixture;

/// <summary>Asserts that the domain refused, with which kind of refusal and what the message names.</summary>
internal static class Refusals
{
    public static DomainException Expect(Refusal refusal, Action act, params string[] mentions)
    {
        var refused = Assert.Throws<DomainException>(act);
        Assert.True(refused.Refusal == refusal, $"expected a {refusal} refusal, got {refused.Refusal}: {refused.Message}");
        foreach (var mention in mentions)
        {
            Assert.True(refused.Message.Contains(mention, StringComparison.Ordinal), $"expected the message to name '{mention}', got: {refused.Message}");
        }

        return refused;
    }

    public static DomainException Expect(Refusal refusal, Func<object?> act, params string[] mentions) =>
        Expect(refusal, () => { _ = act(); }, mentions);
}
