using System.Numerics;

namespace SeqZero.Search;

/// <summary>How a design does: its loss on the evaluation voxels, the readout |s| of the nominal voxel of each tissue
/// (means of Table I, B1 = 1, ΔB0 = 0: what the paper's tables report), the mean |s| per tissue over the evaluation
/// voxels, and Σα² relative to 90°–180°.</summary>
public sealed record DesignScore(LossTerms Loss, IReadOnlyDictionary<string, double> Signals, IReadOnlyDictionary<string, double> SignalsMean,
    double RfEnergyRelative)
{
    /// <summary>Simulates <paramref name="ops"/> in double on the evaluation and nominal voxels; the loss uses |Mxy|.</summary>
    public static DesignScore Evaluate(ExperimentSpec spec, IReadOnlyList<VoxelOperation> ops, VoxelDataSet evaluation, SpinSet spins,
        int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(evaluation);
        var simulator = new VoxelSimulator<double>(spins, threads);
        VoxelOperation[] chain = [.. ops];
        int[] all = [.. Enumerable.Range(0, evaluation.Count)];
        var signals = new Complex[all.Length];
        simulator.Simulate(chain, evaluation, all, signals);
        LossTerms loss = new SearchLoss(spec).Total(evaluation, all, signals, chain);

        VoxelDataSet nominal = VoxelDataSet.Nominal(spec.Tissues);
        var nominalSignals = new Complex[nominal.Count];
        simulator.Simulate(chain, nominal, [.. Enumerable.Range(0, nominal.Count)], nominalSignals);
        var perTissue = new Dictionary<string, double>();
        var meanPerTissue = new Dictionary<string, double>();
        foreach (TissueClass t in TissueClasses.All)
        {
            perTissue[t.ShortName()] = nominalSignals[Array.IndexOf(nominal.Tissue, t)].Magnitude;
            int[] members = [.. all.Where(v => evaluation.Tissue[v] == t)];
            meanPerTissue[t.ShortName()] = members.Length > 0 ? members.Average(v => signals[v].Magnitude) : double.NaN;
        }
        return new DesignScore(loss, perTissue, meanPerTissue, loss.RfEnergy / ExperimentSpec.ReferenceRfEnergy);
    }
}
