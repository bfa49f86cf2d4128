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
        int[] count = Counts(voxels, voxelIndices);
        Complex difference = ContrastDifference(voxels, voxelIndices, signals, count);
        if (adjoint is not null)
            for (int i = 0; i < voxelIndices.Length; i++) adjoint[i] = VoxelAdjoint(voxels, voxelIndices[i], signals[i], count, difference);

        var residual = new double[TissueClasses.Count];
        var power = new double[TissueClasses.Count];
        for (int i = 0; i < voxelIndices.Length; i++)
        {
            int v = voxelIndices[i], t = (int)voxels.Tissue[v];
            Complex r = voxels.M0[v] - Measured(signals[i]);
            residual[t] += r.Real * r.Real + r.Imaginary * r.Imaginary;
            power[t] += signals[i].Real * signals[i].Real + signals[i].Imaginary * signals[i].Imaginary;
        }
        double signal = 0;
        if (Spec.SignalPerTissue)
            foreach (TissueClass t in Spec.SignalTissues) signal += count[(int)t] > 0 ? residual[(int)t] / count[(int)t] : 0;
        else
        {
            int n = SignalVoxels(count);
            signal = n > 0 ? Spec.SignalTissues.Sum(t => residual[(int)t]) / n : 0;
        }
        double nulling = 0;
        foreach (TissueClass t in Spec.NullTissues) nulling += count[(int)t] > 0 ? power[(int)t] / count[(int)t] : 0;
        double contrast = -(difference.Real * difference.Real + difference.Imaginary * difference.Imaginary);
        double total = Spec.SignalWeight * signal + Spec.ContrastWeight * contrast + Spec.NullWeight * nulling;
        return new LossTerms(signal, contrast, nulling, 0, 0, total);
    }

    /// <summary>When no term couples voxels (no contrast term), ∂L/∂s_v depends on s_v and the batch's tissue counts only:
    /// this returns that function of (position in the batch, s), so the simulator can seed the reverse pass right after
    /// each voxel's forward pass. Null when the loss has a contrast term.</summary>
    public Func<int, Complex, Complex>? LocalAdjoint(VoxelDataSet voxels, int[] voxelIndices)
    {
        if (Spec.ContrastWeight != 0) return null;
        int[] count = Counts(voxels, voxelIndices);
        return (i, s) => VoxelAdjoint(voxels, voxelIndices[i], s, count, 0);
    }

    /// <summary>For the magnitude measure: ∂L/∂s_v split into the voxel's own part and the contrast part that needs the whole
    /// batch (<see cref="RadialAdjoint"/>); the group is the voxel's tissue, whose coefficient
    /// <see cref="ContrastCoefficients"/> gives after the batch. Null for the complex measure.</summary>
    public Func<int, Complex, RadialAdjoint>? RadialAdjoint(VoxelDataSet voxels, int[] voxelIndices)
    {
        if (Measure != SignalMeasure.Magnitude) return null;
        int[] count = Counts(voxels, voxelIndices);
        return (i, s) =>
        {
            int v = voxelIndices[i];
            Complex local = VoxelAdjoint(voxels, v, s, count, 0); // = (∂L_local/∂|s|)·u
            Complex u = Search.RadialAdjoint.DirectionOf(s);
            return new RadialAdjoint(u, local.Real * u.Real + local.Imaginary * u.Imaginary, (int)voxels.Tissue[v]);
        };
    }

    /// <summary>c_t = ∂L_cont/∂|s_v| for a voxel of tissue t: −2λcont·(mean_A − mean_B)/n_A for A, the opposite over n_B
    /// for B, 0 otherwise (magnitude measure).</summary>
    public double[] ContrastCoefficients(VoxelDataSet voxels, int[] voxelIndices, Complex[] signals)
    {
        var coefficients = new double[TissueClasses.Count];
        if (Spec.ContrastWeight == 0) return coefficients;
        int[] count = Counts(voxels, voxelIndices);
        double difference = ContrastDifference(voxels, voxelIndices, signals, count).Real; // m = |s|: real
        int a = (int)Spec.ContrastA, b = (int)Spec.ContrastB;
        if (count[a] > 0) coefficients[a] = -2 * Spec.ContrastWeight * difference / count[a];
        if (count[b] > 0) coefficients[b] = 2 * Spec.ContrastWeight * difference / count[b];
        return coefficients;
    }

    /// <summary>∂L/∂s_v of the weighted signal-dependent terms for one voxel, given the batch's tissue counts and
    /// mean_A m − mean_B m.</summary>
    private Complex VoxelAdjoint(VoxelDataSet voxels, int v, Complex s, int[] count, Complex contrastDifference)
    {
        int t = (int)voxels.Tissue[v];
        Complex gradM = 0, gradS = 0; // ∂L/∂m and ∂L/∂s (as ∂/∂Re + i·∂/∂Im)
        if (Spec.SignalTissues.Contains((TissueClass)t))
            gradM += -2 * Spec.SignalWeight * (voxels.M0[v] - Measured(s)) / (Spec.SignalPerTissue ? count[t] : SignalVoxels(count));
        if (Spec.NullWeight != 0 && Spec.NullTissues.Contains((TissueClass)t))
            gradS += 2 * Spec.NullWeight * s / count[t];
        if (Spec.ContrastWeight != 0 && t == (int)Spec.ContrastA)
            gradM += -2.0 / count[t] * Spec.ContrastWeight * contrastDifference;
        if (Spec.ContrastWeight != 0 && t == (int)Spec.ContrastB)
            gradM += 2.0 / count[t] * Spec.ContrastWeight * contrastDifference;
        return gradS + MeasureAdjoint(s, gradM);
    }

    /// <summary>mean_A m − mean_B m over the batch (a tissue absent from the batch has mean 0).</summary>
    private Complex ContrastDifference(VoxelDataSet voxels, int[] voxelIndices, Complex[] signals, int[] count)
    {
        var mean = new Complex[TissueClasses.Count];
        for (int i = 0; i < voxelIndices.Length; i++) mean[(int)voxels.Tissue[voxelIndices[i]]] += Measured(signals[i]);
        for (int t = 0; t < mean.Length; t++) mean[t] = count[t] > 0 ? mean[t] / count[t] : 0;
        return mean[(int)Spec.ContrastA] - mean[(int)Spec.ContrastB];
    }

    private static int[] Counts(VoxelDataSet voxels, int[] voxelIndices)
    {
        var count = new int[TissueClasses.Count];
        foreach (int v in voxelIndices) count[(int)voxels.Tissue[v]]++;
        return count;
    }

    private int SignalVoxels(int[] count) => Spec.SignalTissues.Sum(t => count[(int)t]);

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
}
