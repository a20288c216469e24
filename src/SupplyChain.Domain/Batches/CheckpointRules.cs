using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Batches;

/// <summary>Judges readings against the product's specification and the chain stage's limits.</summary>
public static class CheckpointRules
{
    /// <summary>Each reading against each limit of its type; the verdict fails when any is out of range.</summary>
    public static (IReadOnlyList<MeasurementResult> Results, Verdict Verdict) Judge(
        IReadOnlyList<Measurement> measurements, IReadOnlyList<Limit> productLimits, Stage? stage)
    {
        var results = new List<MeasurementResult>();
        for (var i = 0; i < measurements.Count; i++)
        {
            var m = measurements[i];
            var applicable = productLimits.Where(l => l.Type == m.Type).Select(l => (Limit: l, Source: "product"))
                .Concat((stage?.Limits ?? []).Where(l => l.Type == m.Type).Select(l => (Limit: l, Source: $"chain:{stage!.Name}")))
                .ToList();
            if (applicable.Count == 0)
            {
                results.Add(new MeasurementResult(m, null, "", true));
                continue;
            }

            foreach (var (limit, source) in applicable)
            {
                if (limit.Unit != m.Unit)
                {
                    throw DomainException.Invalid($"measurements[{i}].unit", $"'{m.Type}' is given in {m.Unit} but its {source} limit is in {limit.Unit}");
                }

                results.Add(new MeasurementResult(m, limit, source, limit.Admits(m.Value)));
            }
        }

        return (results, results.All(r => r.Within) ? Verdict.Pass : Verdict.Fail);
    }

    /// <summary>Why each failed result failed, in words.</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<MeasurementResult> results) =>
        results.Where(r => !r.Within && r.Limit is not null).Select(r => r.Limit!.Describe(r.Measurement.Value)).ToList();

    /// <summary>Readings a stage requires at a handoff that were not taken.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<Measurement> measurements, Stage? stage) =>
        (stage?.RequiredAtHandoff ?? []).Where(type => measurements.All(m => m.Type != type))
            .Select(type => $"no {type} reading at handoff into stage '{stage!.Name}'")
            .ToList();

    /// <summary>Checks the count and that no reading is given twice.</summary>
    public static void CheckReadings(IReadOnlyList<Measurement> measurements, bool required)
    {
        if (required && measurements.Count == 0)
        {
            throw DomainException.Invalid("measurements", "a checkpoint needs at least one measurement");
        }

        Bounds.Count(measurements.Count, Bounds.MeasurementsPerCheckpoint, "measurements", "readings");

        var twice = measurements.GroupBy(m => m.Type).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw DomainException.Invalid("measurements", $"'{twice.Key}' is given {twice.Count()} times: give each reading once");
        }
    }
}
