using SupplyChain.Domain;

namespace SupplyChain.Grains.Tests.Fixture;

/// <summary>Asserts that a grain call was refused, with which kind of refusal and what the message names.</summary>
internal static class Refusals
{
    public static async Task<DomainException> ExpectAsync(Refusal refusal, Func<Task> act, params string[] mentions)
    {
        Exception? thrown = null;
        try
        {
            await act();
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        Assert.True(thrown is not null, $"expected a {refusal} refusal, the call succeeded");
        var refused = thrown as DomainException;
        Assert.True(refused is not null, $"expected a {refusal} refusal (DomainException), got {thrown.GetType().FullName}: {thrown.Message}");
        Assert.True(refused.Refusal == refusal, $"expected a {refusal} refusal, got {refused.Refusal}: {refused.Message}");
        foreach (var mention in mentions)
        {
            Assert.True(refused.Message.Contains(mention, StringComparison.Ordinal), $"expected the message to name '{mention}', got: {refused.Message}");
        }

        return refused;
    }
}
