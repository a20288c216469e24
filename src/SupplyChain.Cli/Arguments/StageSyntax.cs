using SupplyChain.V1;

namespace SupplyChain.Cli.Arguments;

/// <summary>A chain stage: "name=GLN,GLN;limit=temperature::-18:CEL;require=temperature" (limit and require repeatable).</summary>
internal static class StageSyntax
{
    private const string Example = "distribution=8930000000019,8930000000026;limit=temperature::-18:CEL;require=temperature";

    public static Stage Stage(string text)
    {
        var segments = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var (name, participants) = segments.Length > 0 ? Split(segments[0]) : ("", "");
        if (name.Length == 0)
        {
            throw new UsageException($"--stage '{text}' does not start with name=GLN,..., e.g. {Example}");
        }

        var stage = new Stage { Name = name };
        stage.ParticipantGlns.Add(List(participants));
        foreach (var segment in segments.Skip(1))
        {
            var (key, value) = Split(segment);
            switch (key)
            {
                case "limit":
                    stage.Limits.Add(MeasureSyntax.Limit("--stage limit", value));
                    break;
                case "require":
                    stage.RequiredAtHandoff.Add(List(value));
                    break;
                default:
                    throw new UsageException($"--stage '{segment}': expected limit=... or require=..., e.g. {Example}");
            }
        }

        return stage;
    }

    private static (string Key, string Value) Split(string segment)
    {
        var equals = segment.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (segment, "") : (segment[..equals].Trim(), segment[(equals + 1)..].Trim());
    }

    private static IEnumerable<string> List(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
