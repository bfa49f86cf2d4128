using System.Numerics;

namespace SeqZero.Search;

/// <summary>Eqs. (1)–(6) of the Sequence Search paper over a batch of voxel readouts s_v, with their gradient.
/// With m_v = |s_v| (or s_v, <see cref="SignalMeasure"/>) and means over the batch voxels of a tissue:
/// L_sig = mean (M0_v − m_v)², L_null = mean |s_v|², L_cont;A,B = −|mean_A m − mean_B m|²,
/// L_RFenergy = Σ α² [rad²] of the nominal flips, L_RFnumber = number of RF pulses.</summary>
public sealed class SearchLoss(ExperimentSpec spec, SignalMeasure measure = SignalMeasure.Magnitude)
{
    public ExperimentSpec Spec { get; } = spec ?? throw new ArgumentNullException(nameof(spec));
    public SignalMeasure Measure { get; } = measure;

    /// <summary>The signal-dependent terms and, when <paramref name="adjoint"/> is given, ∂L/∂s_v as ∂L/∂Re + i·∂L/∂Im
    /// of the weighted signal-dependent part into it. RF terms are 0 here (see <see cref="Total"/>).</summary>
    public LossTerms Evaluate(VoxelDataSet voxels, int[] voxelIndices, Complex[] signals, Complex[]? adjoint = null)
    {
        int n = voxelIndices.Length;
        var count = new int[TissueClasses.Count];
        var mean = new Complex[TissueClasses.Count];
        for (int i = 0; i < n; i++)
        {
            int t = (int)voxels.Tissue[voxelIndices[i]];
            count[t]++;
            mean[t] += Measured(signals[i]);
        }
        for (int t = 0; t < mean.Length; t++) mean[t] = count[t] > 0 ? mean[t] / count[t] : 0;
        int signalVoxels = Spec.SignalTissues.Sum(t => count[(int)t]);
        bool[] inSignal = [.. TissueClasses.All.Select(t => Spec.SignalTissues.Contains(t))];
        int a = (int)Spec.ContrastA, b = (int)Spec.ContrastB, nullTissue = (int)Spec.NullTissue;
        Complex difference = mean[a] - mean[b];
        double nulling = 0, contrast = Spec.ContrastWeight != 0 ? -Complex.Abs(difference) * Complex.Abs(difference) : 0;

        for (int i = 0; i < n; i++)
        {
            int v = voxelIndices[i], t = (int)voxels.Tissue[v];
            Complex s = signals[i], m = Measured(s);
            Complex gradM = 0, gradS = 0; // ∂L/∂m and ∂L/∂s (as ∂/∂Re + i·∂/∂Im)
            if (inSignal[t])
            {
                double norm = Spec.SignalPerTissue ? count[t] : signalVoxels;
                gradM += -2 * Spec.SignalWeight * (voxels.M0[v] - m) / norm;
            }
            if (Spec.NullWeight != 0 && t == nullTissue)
            {
                nulling += s.Real * s.Real + s.Imaginary * s.Imaginary;
                gradS += 2 * Spec.NullWeight * s / count[t];
            }
            if (Spec.ContrastWeight != 0 && (t == a || t == b))
                gradM += (t == a ? -2.0 / count[a] : 2.0 / count[b]) * Spec.ContrastWeight * difference;
            if (adjoint is not null) adjoint[i] = gradS + MeasureAdjoint(s, gradM);
        }
        double signal = SignalMean(voxels, voxelIndices, signals, count, signalVoxels);
        if (count[nullTissue] > 0) nulling /= count[nullTissue];
        double total = Spec.SignalWeight * signal + Spec.ContrastWeight * contrast + Spec.NullWeight * nulling;
        return new LossTerms(signal, contrast, nulling, 0, 0, total);
    }

    /// <summary>λE·Σα² + λN·count over the RF operations of a design (α nominal, in radians).</summary>
    public double RfPenalty(IEnumerable<VoxelOperation> ops, out double energy, out int rfCount)
    {
        energy = 0; rfCount = 0;
        foreach (VoxelOperation op in ops.Where(o => o.IsRf)) { energy += op.FlipRadians * op.FlipRadians; rfCount++; }
        return Spec.RfEnergyWeight * energy + Spec.RfNumberWeight * rfCount;
    }

    /// <summary>The full loss of a design: signal terms of <paramref name="signals"/> plus the RF penalty.</summary>
    public LossTerms Total(VoxelDataSet voxels, int[] voxelIndices, Complex[] signals, IEnumerable<VoxelOperation> ops)
    {
        LossTerms terms = Evaluate(voxels, voxelIndices, signals);
        double penalty = RfPenalty(ops, out double energy, out int rfCount);
        return terms with { RfEnergy = energy, RfNumber = rfCount, Total = terms.Total + penalty };
    }

    private Complex Measured(Complex s) => Measure == SignalMeasure.Magnitude ? Complex.Abs(s) : s;

    /// <summary>Chain rule from m to s: for m = |s|, ∂L/∂s = Re(∂L/∂m)·s/|s| (0 at s = 0); for m = s, the identity.</summary>
    private Complex MeasureAdjoint(Complex s, Complex gradM)
    {
        if (Measure == SignalMeasure.Complex) return gradM;
        double magnitude = Complex.Abs(s);
        return magnitude > 0 ? gradM.Real * s / magnitude : 0;
    }

    private double SignalMean(VoxelDataSet voxels, int[] voxelIndices, Complex[] signals, int[] count, int signalVoxels)
    {
        var perTissue = new double[TissueClasses.Count];
        for (int i = 0; i < voxelIndices.Length; i++)
        {
            int v = voxelIndices[i];
            Complex residual = voxels.M0[v] - Measured(signals[i]);
            perTissue[(int)voxels.Tissue[v]] += residual.Real * residual.Real + residual.Imaginary * residual.Imaginary;
        }
        if (!Spec.SignalPerTissue) return signalVoxels > 0 ? Spec.SignalTissues.Sum(t => perTissue[(int)t]) / signalVoxels : 0;
        return Spec.SignalTissues.Sum(t => count[(int)t] > 0 ? perTissue[(int)t] / count[(int)t] : 0);
    }
}
