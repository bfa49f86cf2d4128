using System.Diagnostics;
using System.Numerics;

namespace SeqZero.Search;

/// <summary>Exhaustive search over a <see cref="DoubleInversionGrid"/> for objectives that null two tissues (grey matter
/// alone: WM and CSF nulled), where the two-RF grid is no fair reference. Scanned in the longitudinal closed form: with
/// aᵢ = B1·θᵢ, Eₖ = e^{−Δt/Tₖ},
///   m1 = 1 + (cos a1 − 1)·E1(TI1)          (Mz/M0 just before RF2),
///   m2 = 1 + (m1·cos a2 − 1)·E1(TI2)       (just before RF3),
///   |s| = M0·|sin a3|·|m2|·E2(Δt3)·|χ(Δt3)|, χ the voxel's spin average (<see cref="GridCharacteristic"/>).
/// This drops the transverse pathways the imperfect inversions (B1 0.8–1.2) start; after TI of hundreds of ms they have
/// dephased, so the scan ranks designs as the simulator does. The optimum is then scored exactly by
/// <see cref="DesignScore"/> (the grid command reports both; a test holds them together). Work items are (θ1, TI1, θ2),
/// spread over the threads; TI2, θ3 and Δt3 are scanned inside in float SIMD over the voxels.</summary>
public static class DoubleInversionGridSearch
{
    public static DoubleInversionResult Run(ExperimentSpec spec, DoubleInversionGrid grid, VoxelDataSet voxels, SpinSet spins, int threads = 1,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(voxels);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread is needed.");
        var clock = Stopwatch.StartNew();
        var layout = new GridVoxelLayout(voxels);
        double[] flip1 = grid.Flip1Degrees.RadiansOfDegrees(), flip2 = grid.Flip2Degrees.RadiansOfDegrees(), flip3 = grid.Flip3Degrees.RadiansOfDegrees();
        double[] idle1 = grid.Idle1Seconds.Values(), idle2 = grid.Idle2Seconds.Values(), idle3 = grid.Idle3Seconds.Values();
        var tables = new Tables(layout, spins, flip1, flip2, flip3, idle1, idle2, idle3, threads);

        int items = flip1.Length * idle1.Length * flip2.Length;
        var best = new (double Loss, int Idle2, int Flip3, int Idle3)[items];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        Parallel.For(0, items, options, () => new Scanner(layout), (item, _, scanner) =>
        {
            int i2 = item % flip2.Length, rest = item / flip2.Length;
            int j1 = rest % idle1.Length, i1 = rest / idle1.Length;
            double penalty = spec.RfEnergyWeight * (flip1[i1] * flip1[i1] + flip2[i2] * flip2[i2]) + spec.RfNumberWeight * 3;
            best[item] = scanner.Scan(spec, tables, i1, j1, i2, flip3, penalty);
            return scanner;
        }, _ => { });

        int b = 0;
        for (int item = 1; item < items; item++) if (best[item].Loss < best[b].Loss) b = item;
        int bi2 = b % flip2.Length, r = b / flip2.Length;
        int bj1 = r % idle1.Length, bi1 = r / idle1.Length;
        return new DoubleInversionResult(grid.Combinations, clock.Elapsed.TotalSeconds, best[b].Loss,
            [grid.Flip1Degrees[bi1], grid.Flip2Degrees[bi2], grid.Flip3Degrees[best[b].Flip3]],
            [idle1[bj1], idle2[best[b].Idle2], idle3[best[b].Idle3]]);
    }

    /// <summary>Per padded voxel, one float array per grid value: cos a1, cos a2, |sin a3|, E1(TI1), E1(TI2), and
    /// M0·E2(Δt3)·|χ(Δt3)| per readout time; M0 (0 in padding slots, so they add nothing).</summary>
    private sealed class Tables
    {
        public Tables(GridVoxelLayout layout, SpinSet spins, double[] flip1, double[] flip2, double[] flip3,
            double[] idle1, double[] idle2, double[] idle3, int threads)
        {
            VoxelDataSet v = layout.Voxels;
            float[][] PerVoxel(double[] values, Func<int, double, double> f) => [.. values.Select(x => layout.PerSlot((n, _) => (float)f(n, x)))];
            Cos1 = PerVoxel(flip1, (n, a) => Math.Cos(v.B1[n] * a));
            Cos2 = PerVoxel(flip2, (n, a) => Math.Cos(v.B1[n] * a));
            Sin3 = PerVoxel(flip3, (n, a) => Math.Abs(Math.Sin(v.B1[n] * a)));
            E1First = PerVoxel(idle1, (n, t) => Math.Exp(-t / v.T1Seconds[n]));
            E1Second = PerVoxel(idle2, (n, t) => Math.Exp(-t / v.T1Seconds[n]));
            // the two-RF characteristic with Δt1 = 0 gives χ(Δt2) for every readout time
            var chi = new GridCharacteristic(layout, spins, [0], idle3, threads);
            Readout = [.. idle3.Select((t, j) => layout.PerSlot((n, slot) => (float)(v.M0[n] * Math.Exp(-t / v.T2Seconds[n]) * chi.Second(j)[slot].Magnitude)))];
            Flip3Squared = [.. flip3.Select(a => a * a)];
        }

        public float[][] Cos1 { get; }
        public float[][] Cos2 { get; }
        public float[][] Sin3 { get; }
        public float[][] E1First { get; }
        public float[][] E1Second { get; }
        public float[][] Readout { get; }
        public double[] Flip3Squared { get; }
    }

    /// <summary>Per-work-item buffers: m1·cos a2 and M0·E2·|χ|·|m2| of every padded voxel.</summary>
    private sealed class Scanner(GridVoxelLayout layout)
    {
        private readonly float[] beforeSecond = new float[layout.Padded], amplitude = new float[layout.Padded];

        public (double Loss, int Idle2, int Flip3, int Idle3) Scan(ExperimentSpec spec, Tables tables, int i1, int j1, int i2, double[] flip3, double penalty)
        {
            Span<Vector<float>> cos1 = GridVoxelLayout.Vectors(tables.Cos1[i1]), e1 = GridVoxelLayout.Vectors(tables.E1First[j1]), cos2 = GridVoxelLayout.Vectors(tables.Cos2[i2]), m1 = GridVoxelLayout.Vectors(beforeSecond);
            for (int i = 0; i < m1.Length; i++) m1[i] = (Vector<float>.One + (cos1[i] - Vector<float>.One) * e1[i]) * cos2[i];
            var result = (Loss: double.PositiveInfinity, Idle2: 0, Flip3: 0, Idle3: 0);
            Span<double> residual = stackalloc double[TissueClasses.Count], magnitude = stackalloc double[TissueClasses.Count],
                power = stackalloc double[TissueClasses.Count];
            for (int j3 = 0; j3 < tables.Readout.Length; j3++)
            for (int j2 = 0; j2 < tables.E1Second.Length; j2++)
            {
                Span<Vector<float>> e1Second = GridVoxelLayout.Vectors(tables.E1Second[j2]), readout = GridVoxelLayout.Vectors(tables.Readout[j3]), a = GridVoxelLayout.Vectors(amplitude);
                for (int i = 0; i < a.Length; i++) a[i] = readout[i] * Vector.Abs(Vector<float>.One + (m1[i] - Vector<float>.One) * e1Second[i]);
                for (int i3 = 0; i3 < flip3.Length; i3++)
                {
                    for (int t = 0; t < TissueClasses.Count; t++)
                        (residual[t], magnitude[t], power[t]) = TissueSums(layout.Start[t], layout.Start[t + 1], tables.Sin3[i3]);
                    double loss = GridLoss.Value(spec, layout.Count, residual, magnitude, power) + penalty + spec.RfEnergyWeight * tables.Flip3Squared[i3];
                    if (loss < result.Loss) result = (loss, j2, i3, j3);
                }
            }
            return result;
        }

        /// <summary>Σ (M0 − |s|)², Σ |s|, Σ |s|² over the padded voxel range [start, end) of one tissue.</summary>
        private (double Residual, double Magnitude, double Power) TissueSums(int start, int end, float[] sin3)
        {
            Span<Vector<float>> a = GridVoxelLayout.Vectors(amplitude, start, end), s = GridVoxelLayout.Vectors(sin3, start, end), m0 = GridVoxelLayout.Vectors(layout.M0, start, end);
            Vector<float> sumResidual = Vector<float>.Zero, sumMagnitude = Vector<float>.Zero, sumPower = Vector<float>.Zero;
            for (int i = 0; i < a.Length; i++)
            {
                Vector<float> mag = a[i] * s[i], res = m0[i] - mag;
                sumResidual += res * res; sumMagnitude += mag; sumPower += mag * mag;
            }
            return (Vector.Sum(sumResidual), Vector.Sum(sumMagnitude), Vector.Sum(sumPower));
        }

    }
}

/// <summary>The optimum of a <see cref="DoubleInversionGrid"/>: flips θ1–θ3 [deg] (phases 0) and idle times TI1, TI2, Δt3
/// [s]; <see cref="ScanLoss"/> is the closed form's loss on the evaluation voxels.</summary>
public sealed record DoubleInversionResult(long Combinations, double Seconds, double ScanLoss, double[] FlipsDegrees, double[] IdleSeconds)
{
    public VoxelOperation[] Operations() =>
        [.. FlipsDegrees.Select((f, k) => VoxelOperation.Rf(f * Math.PI / 180, 0, IdleSeconds[k]))];
}
