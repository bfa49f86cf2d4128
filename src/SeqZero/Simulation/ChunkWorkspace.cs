using System.Numerics;

namespace SeqZero.Simulation;

/// <summary>Scratch memory of one worker thread: the spin state of one chunk of voxels, which runs through the whole
/// sequence while it stays in cache (voxels never interact, so chunks are independent). Allocated once per worker and
/// reused for every chunk; nothing is allocated per repetition or event.</summary>
internal sealed partial class ChunkWorkspace<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly EngineSetup<T> _setup;
    private readonly int _spins;           // isochromats per voxel
    private readonly T[] _mx, _my, _mz;    // state; within a repetition (mx, my) hold Z, the intra-voxel part of M⊥
    private readonly double[] _aRe, _aIm;  // per voxel: accumulated factor A = Π e^{−τ/T2}·e^{−i2π(g·r + ΔB0·τ)}
    private readonly double[] _stepRe, _stepIm; // per voxel: factor of the current signature
    private readonly Rotation3<T>[] _rotation;

    public ChunkWorkspace(EngineSetup<T> setup, int maxVoxels, bool forGradients)
    {
        _setup = setup;
        _spins = setup.SpinsPerVoxel;
        int n = maxVoxels * _spins;
        _mx = new T[n]; _my = new T[n]; _mz = new T[n];
        _aRe = new double[maxVoxels]; _aIm = new double[maxVoxels];
        _stepRe = new double[maxVoxels]; _stepIm = new double[maxVoxels];
        _rotation = new Rotation3<T>[maxVoxels];
        if (forGradients) AllocateGradientBuffers(maxVoxels);
    }

    /// <summary>Runs voxels [first, first + count) through the sequence, adding their signal into
    /// <paramref name="signalRe"/>/<paramref name="signalIm"/> (sample-major, coil inner).</summary>
    public void Forward(int first, int count, double[] signalRe, double[] signalIm)
    {
        CompiledSequence seq = _setup.Sequence;
        Reset(count);
        for (int r = 0; r < seq.RepetitionCount; r++)
        {
            ApplyPulse(r, first, count);
            RunRepetition(r, first, count, signalRe, signalIm, recordFactors: false);
            FinishRepetition(r, first, count);
        }
    }

    private void Reset(int count)
    {
        int n = count * _spins;
        Array.Clear(_mx, 0, n);
        Array.Clear(_my, 0, n);
        Array.Fill(_mz, T.One, 0, n);
    }

    /// <summary>RF of repetition r: per voxel α·|B1| about the axis at φ + arg B1.</summary>
    private void ApplyPulse(int r, int first, int count)
    {
        if (SpoilsBefore(r))
        {
            Array.Clear(_mx, 0, count * _spins);
            Array.Clear(_my, 0, count * _spins);
        }
        double alpha = _setup.Sequence.FlipAngle[r], phi = _setup.Sequence.Phase[r];
        for (int v = 0; v < count; v++)
        {
            Complex b1 = _setup.Voxels.B1[first + v];
            _rotation[v] = Rotation3<T>.AboutTransverseAxis(alpha * b1.Magnitude, phi + b1.Phase);
            int o = v * _spins;
            SpinKernels.Rotate(_mx.AsSpan(o, _spins), _my.AsSpan(o, _spins), _mz.AsSpan(o, _spins), _rotation[v]);
        }
    }

    private bool SpoilsBefore(int r) => _setup.PerfectSpoiling && _setup.Sequence.Usage[r] == SeqZero.Sequences.PulseUsage.Excitation;

    /// <summary>The passes of repetition r. Z (in mx, my) gets the isochromat factors; the voxel factor A is kept
    /// aside in double and applied at samples and at the end.</summary>
    private void RunRepetition(int r, int first, int count, double[]? signalRe, double[]? signalIm, bool recordFactors)
    {
        CompiledSequence seq = _setup.Sequence;
        Array.Fill(_aRe, 1.0, 0, count);
        Array.Clear(_aIm, 0, count);
        int lastSignature = -1;
        int coils = _setup.CoilCount;
        for (int p = seq.PassStart[r]; p < seq.PassStart[r + 1]; p++)
        {
            Pass pass = seq.Passes[p];
            if (pass.SignatureId != lastSignature)
            {
                VoxelFactors(seq.Signatures[pass.SignatureId], first, count);
                lastSignature = pass.SignatureId;
            }
            (double adcSin, double adcCos) = Math.SinCos(pass.AdcPhase);
            for (int v = 0; v < count; v++)
            {
                double aRe = _aRe[v] * _stepRe[v] - _aIm[v] * _stepIm[v];
                double aIm = _aRe[v] * _stepIm[v] + _aIm[v] * _stepRe[v];
                _aRe[v] = aRe; _aIm[v] = aIm;
                int o = v * _spins, b = _setup.PhaseOffset(pass.SignatureId, first + v);
                Span<T> zr = _mx.AsSpan(o, _spins), zi = _my.AsSpan(o, _spins);
                ReadOnlySpan<T> br = _setup.PhaseRe.AsSpan(b, _spins), bi = _setup.PhaseIm.AsSpan(b, _spins);
                if (!pass.IsSample || signalRe is null)
                {
                    SpinKernels.Multiply(zr, zi, br, bi);
                    continue;
                }
                (T sumRe, T sumIm) = SpinKernels.MultiplyAndSum(zr, zi, br, bi);
                // M⊥ summed over the voxel = A·ΣZ, demodulated by e^{iφ_ADC}
                double sr = double.CreateTruncating(sumRe), si = double.CreateTruncating(sumIm);
                double mRe = aRe * sr - aIm * si, mIm = aRe * si + aIm * sr;
                double dRe = mRe * adcCos - mIm * adcSin, dIm = mRe * adcSin + mIm * adcCos;
                int w = (first + v) * coils, s = pass.Sample * coils;
                for (int c = 0; c < coils; c++)
                {
                    Complex weight = _setup.ReceiveWeight[w + c];
                    signalRe![s + c] += weight.Real * dRe - weight.Imaginary * dIm;
                    signalIm![s + c] += weight.Real * dIm + weight.Imaginary * dRe;
                }
            }
            if (recordFactors) RecordFactors(p - seq.PassStart[r], count);
        }
    }

    /// <summary>Per-voxel factor of one signature: e^{−τ/T2}·e^{−i2π(g·r + ΔB0·τ)}.</summary>
    private void VoxelFactors(Signature g, int first, int count)
    {
        var voxels = _setup.Voxels;
        for (int v = 0; v < count; v++)
        {
            int i = first + v;
            double phase = -2 * Math.PI * (g.MomentX * voxels.PositionXMeters[i] + g.MomentY * voxels.PositionYMeters[i]
                                            + g.MomentZ * voxels.PositionZMeters[i] + voxels.B0Hertz[i] * g.DurationSeconds);
            double decay = Math.Exp(-g.DurationSeconds / voxels.T2Seconds[i]);
            (double sin, double cos) = Math.SinCos(phase);
            _stepRe[v] = decay * cos;
            _stepIm[v] = decay * sin;
        }
    }

    /// <summary>Applies A to Z and relaxes Mz over the repetition's total duration.</summary>
    private void FinishRepetition(int r, int first, int count)
    {
        double duration = _setup.Sequence.RepetitionDuration[r];
        for (int v = 0; v < count; v++)
        {
            double e1 = Math.Exp(-duration / _setup.Voxels.T1Seconds[first + v]);
            int o = v * _spins;
            SpinKernels.Finish(_mx.AsSpan(o, _spins), _my.AsSpan(o, _spins), _mz.AsSpan(o, _spins),
                T.CreateTruncating(_aRe[v]), T.CreateTruncating(_aIm[v]), T.CreateTruncating(e1));
        }
    }
}
