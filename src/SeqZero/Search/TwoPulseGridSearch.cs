using System.Diagnostics;
using System.Numerics;

namespace SeqZero.Search;

/// <summary>Exhaustive search over the two-RF grid of Table IV with the same physics and loss as the search.
/// For two pulses the spin average is exact in closed form (the spin-echo pathways): with χ(t) = (1/S)Σⱼ e^{−iωⱼt}
/// over the voxel's spins (<see cref="SpinSet"/>), aᵢ = B1·θᵢ, Eₖ = e^{−Δt/Tₖ},
/// s = P + Q·e^{iφ2} + W·e^{2iφ2}, where
/// P = −i·M0·E2(Δt2)·E2(Δt1)·sin a1·cos²(a2/2)·χ(Δt1 + Δt2)   (FID of RF1, not refocused),
/// W = +i·M0·E2(Δt2)·E2(Δt1)·sin a1·sin²(a2/2)·χ(Δt2 − Δt1)   (spin echo),
/// Q = −i·M0·E2(Δt2)·sin a2·[1 + (cos a1 − 1)·E1(Δt1)]·χ(Δt2)  (FID of RF2 from Mz).
/// This is <see cref="VoxelSimulator{T}"/>'s physics on the same spins (a test holds the grid's optimum loss to a brute-force
/// scan with the double simulator within the float scan's 1e-5), but costs a few complex
/// multiplies per voxel and phase instead of 256 spins × 2 operations. P, Q, W are formed per (θ1, θ2, Δt1, Δt2) in
/// double, then all φ2 are scanned in float SIMD over the voxels; work items are the (θ1, θ2, Δt1, Δt2) tuples, spread
/// over the threads, the optimum reduced in a fixed order (ties go to the lowest grid index).</summary>
public static class TwoPulseGridSearch
{
    public static GridResult Run(ExperimentSpec spec, TwoPulseGrid grid, VoxelDataSet voxels, SpinSet spins, int threads = 1,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(voxels);
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread is needed.");
        var clock = Stopwatch.StartNew();
        var layout = new GridVoxelLayout(voxels);
        double[] flip1 = grid.Flip1Degrees.RadiansOfDegrees(), flip2 = grid.Flip2Degrees.RadiansOfDegrees(), phase2 = grid.Phase2Degrees.RadiansOfDegrees();
        double[] idle1 = grid.Idle1Seconds.Values(), idle2 = grid.Idle2Seconds.Values();
        var chi = new GridCharacteristic(layout, spins, idle1, idle2, threads);
        var tables = new GridTables(layout, flip1, flip2, idle1, idle2);

        int items = flip1.Length * flip2.Length * idle1.Length * idle2.Length;
        var bestLoss = new double[items];
        var bestPhase = new int[items];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel };
        Parallel.For(0, items, options, () => new GridScanner(layout), (item, _, scanner) =>
        {
            int j2 = item % idle2.Length, rest = item / idle2.Length;
            int j1 = rest % idle1.Length; rest /= idle1.Length;
            int i2 = rest % flip2.Length, i1 = rest / flip2.Length;
            scanner.Prepare(tables, i1, i2, j1, j2, chi.Sum(j1, j2), chi.Difference(j1, j2), chi.Second(j2));
            double penalty = spec.RfEnergyWeight * (flip1[i1] * flip1[i1] + flip2[i2] * flip2[i2]) + spec.RfNumberWeight * 2;
            (bestLoss[item], bestPhase[item]) = scanner.Scan(spec, phase2, penalty);
            return scanner;
        }, _ => { });

        int best = 0;
        for (int item = 1; item < items; item++) if (bestLoss[item] < bestLoss[best]) best = item;
        int b2 = best % idle2.Length, r = best / idle2.Length;
        int b1 = r % idle1.Length; r /= idle1.Length;
        return new GridResult(spec.Name, grid.Combinations, clock.Elapsed.TotalSeconds, bestLoss[best],
            grid.Flip1Degrees[r / flip2.Length], grid.Flip2Degrees[r % flip2.Length], grid.Phase2Degrees[bestPhase[best]],
            idle1[b1], idle2[b2]);
    }

    /// <summary>Per-work-item buffers: P, Q, W of every (padded) voxel in float, split into re/im arrays.</summary>
    private sealed class GridScanner(GridVoxelLayout layout)
    {
        private readonly float[] pRe = new float[layout.Padded], pIm = new float[layout.Padded], qRe = new float[layout.Padded],
            qIm = new float[layout.Padded], wRe = new float[layout.Padded], wIm = new float[layout.Padded];

        public void Prepare(GridTables tables, int i1, int i2, int j1, int j2, Complex[] chiSum, Complex[] chiDifference, Complex[] chiSecond)
        {
            double[] s1 = tables.Sin1[i1], c1 = tables.Cos1[i1], s2 = tables.Sin2[i2], half = tables.HalfCos2[i2];
            double[] e2First = tables.E2First[j1], e1First = tables.E1First[j1], e2Second = tables.E2Second[j2];
            for (int i = 0; i < layout.Padded; i++)
            {
                // padding slots hold M0 = 0 in the tables, so P = Q = W = 0 there
                double echo = tables.M0[i] * e2Second[i] * e2First[i] * s1[i];
                Complex p = new Complex(0, -echo * half[i]) * chiSum[i];
                Complex w = new Complex(0, echo * (1 - half[i])) * chiDifference[i];
                double mz = 1 + (c1[i] - 1) * e1First[i];
                Complex q = new Complex(0, -tables.M0[i] * e2Second[i] * s2[i] * mz) * chiSecond[i];
                pRe[i] = (float)p.Real; pIm[i] = (float)p.Imaginary; qRe[i] = (float)q.Real; qIm[i] = (float)q.Imaginary;
                wRe[i] = (float)w.Real; wIm[i] = (float)w.Imaginary;
            }
        }

        /// <summary>The lowest loss over φ2 and its index.</summary>
        public (double Loss, int Phase) Scan(ExperimentSpec spec, double[] phase2, double penalty)
        {
            double best = double.PositiveInfinity;
            int bestIndex = 0;
            Span<double> residual = stackalloc double[TissueClasses.Count], magnitude = stackalloc double[TissueClasses.Count],
                power = stackalloc double[TissueClasses.Count];
            for (int f = 0; f < phase2.Length; f++)
            {
                (double sin1, double cos1) = Math.SinCos(phase2[f]);
                (double sin2, double cos2) = Math.SinCos(2 * phase2[f]);
                for (int t = 0; t < TissueClasses.Count; t++)
                    (residual[t], magnitude[t], power[t]) = TissueSums(layout.Start[t], layout.Start[t + 1], (float)cos1, (float)sin1, (float)cos2, (float)sin2);
                double loss = GridLoss.Value(spec, layout.Count, residual, magnitude, power) + penalty;
                if (loss < best) { best = loss; bestIndex = f; }
            }
            return (best, bestIndex);
        }

        /// <summary>Σ (M0 − |s|)², Σ |s|, Σ |s|² over the padded voxel range [start, end) of one tissue.</summary>
        private (double Residual, double Magnitude, double Power) TissueSums(int start, int end, float cos1, float sin1, float cos2, float sin2)
        {
            Span<Vector<float>> pr = GridVoxelLayout.Vectors(pRe, start, end), pi = GridVoxelLayout.Vectors(pIm, start, end), qr = GridVoxelLayout.Vectors(qRe, start, end),
                qi = GridVoxelLayout.Vectors(qIm, start, end), wr = GridVoxelLayout.Vectors(wRe, start, end), wi = GridVoxelLayout.Vectors(wIm, start, end), m0 = GridVoxelLayout.Vectors(layout.M0, start, end);
            Vector<float> c1 = new(cos1), s1 = new(sin1), c2 = new(cos2), s2 = new(sin2);
            Vector<float> sumResidual = Vector<float>.Zero, sumMagnitude = Vector<float>.Zero, sumPower = Vector<float>.Zero;
            for (int i = 0; i < pr.Length; i++)
            {
                Vector<float> re = pr[i] + qr[i] * c1 - qi[i] * s1 + wr[i] * c2 - wi[i] * s2;
                Vector<float> im = pi[i] + qr[i] * s1 + qi[i] * c1 + wr[i] * s2 + wi[i] * c2;
                Vector<float> pw = re * re + im * im, mag = Vector.SquareRoot(pw), res = m0[i] - mag;
                sumResidual += res * res; sumMagnitude += mag; sumPower += pw;
            }
            return (Vector.Sum(sumResidual), Vector.Sum(sumMagnitude), Vector.Sum(sumPower));
        }
    }
}
