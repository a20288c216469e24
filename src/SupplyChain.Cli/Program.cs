namespace SupplyChain.Cli;

/// <summary>The `supplychain` executable: everything happens in <see cref="Cli"/>.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => Cli.RunAsync(args, Console.Out, Console.Error);
}
