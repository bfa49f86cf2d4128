using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using SeqZero.Sequences;

namespace SeqZero.Simulation;

/// <summary>Scratch memory of one worker thread: the spins of one chunk of voxels, which runs through the whole sequence
/// while it stays in cache (voxels never interact, so chunks are independent). Layout: one voxel per SIMD lane,
/// isochromat-major (index j·Lanes + l), so per-voxel factors are vector loads and isochromat factors are broadcasts.
/// Within a repetition (mx, my) hold Z, the intra-voxel part of M⊥ = A·Z; A (per voxel) collects e^{−τ/T2} and the
/// voxel-position and B0 phases. Allocated once per worker; nothing is allocated per repetition or event.</summary>
internal sealed partial class ChunkWorkspace<T, TV>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TV : struct, ISimd<TV, T>
{
    private static int Width => TV.Count;
    private readonly EngineSetup<T> _setup;
    private readonly int _spins;
    private readonly LaneVoxels<T> _lanes;
    private readonly T[] _mx, _my, _mz;
    private readonly T[] _aRe, _aIm, _stepRe, _stepIm, _e1;
    private readonly T[][] _rotation = new T[9][]; // per lane: R row-major
    private readonly double[] _axisSin, _axisCos;  // per lane: sin, cos of the pulse axis phase φ + arg B1
    private readonly T[] _gatherRe, _gatherIm;     // isochromat factors of a vector whose lanes differ in T2' class
    private readonly double[] _phase, _sin, _cos, _decay; // per-lane scratch for the vectorised transcendental functions
    private readonly T[] _attenuation;
    private readonly TV[] _coilRe, _coilIm;

    public ChunkWorkspace(EngineSetup<T> setup, int maxVoxels, bool forGradients)
    {
        _setup = setup;
        _spins = setup.SpinsPerVoxel;
        int lanes = (maxVoxels + Width - 1) / Width * Width;
        _lanes = new LaneVoxels<T>(lanes, setup.CoilCount, Width);
        int n = lanes * _spins;
        _mx = new T[n]; _my = new T[n]; _mz = new T[n];
        _aRe = new T[lanes]; _aIm = new T[lanes]; _stepRe = new T[lanes]; _stepIm = new T[lanes]; _e1 = new T[lanes];
        for (int i = 0; i < 9; i++) _rotation[i] = new T[lanes];
        _axisSin = new double[lanes]; _axisCos = new double[lanes];
        _gatherRe = new T[Width]; _gatherIm = new T[Width];
        _phase = new double[lanes]; _sin = new double[lanes]; _cos = new double[lanes]; _decay = new double[lanes];
        _attenuation = new T[lanes];
        _coilRe = new TV[setup.CoilCount]; _coilIm = new TV[setup.CoilCount];
        if (forGradients) AllocateGradientBuffers(lanes);
    }

    /// <summary>Runs voxels Order[first … first + count) through the sequence, adding their signal into
    /// <paramref name="signalRe"/>/<paramref name="signalIm"/> (sample-major, coil inner).</summary>
    public void Forward(int first, int count, double[] signalRe, double[] signalIm)
    {
        _lanes.Load(_setup, first, count);
        Reset();
        for (int r = 0; r < _setup.Sequence.RepetitionCount; r++)
        {
            ApplyPulse(r);
            RunRepetition(r, signalRe, signalIm, recordFactors: false);
            FinishRepetition(r);
        }
    }

    private int Lanes => _lanes.Lanes;

    private void Reset()
    {
        int n = Lanes * _spins;
        Array.Clear(_mx, 0, n);
        Array.Clear(_my, 0, n);
        Array.Fill(_mz, T.One, 0, n);
    }

    private bool SpoilsBefore(int r) => _setup.PerfectSpoiling && _setup.Sequence.Usage[r] == PulseUsage.Excitation;

    /// <summary>RF of repetition r: m ← Rz(φ)·Rx(α)·Rz(−φ)·m per voxel with α = α₀·|B1|, φ = φ₀ + arg B1.</summary>
    private void ApplyPulse(int r)
    {
        int n = Lanes * _spins;
        if (SpoilsBefore(r)) { Array.Clear(_mx, 0, n); Array.Clear(_my, 0, n); }
        double alpha0 = _setup.Sequence.FlipAngle[r], phi0 = _setup.Sequence.Phase[r];
        for (int l = 0; l < Lanes; l++)
        {
            (double sp, double cp) = Math.SinCos(phi0 + _lanes.B1Phase[l]);
            (double sa, double ca) = Math.SinCos(alpha0 * _lanes.B1Magnitude[l]);
            _axisSin[l] = sp; _axisCos[l] = cp;
            double omc = 1 - ca;
            _rotation[0][l] = Of(cp * cp + sp * sp * ca); _rotation[1][l] = Of(sp * cp * omc); _rotation[2][l] = Of(sp * sa);
            _rotation[3][l] = Of(sp * cp * omc); _rotation[4][l] = Of(sp * sp + cp * cp * ca); _rotation[5][l] = Of(-cp * sa);
            _rotation[6][l] = Of(-sp * sa); _rotation[7][l] = Of(cp * sa); _rotation[8][l] = Of(ca);
        }
        for (int l = 0; l < Lanes; l += Width)
        {
            TV r00 = Load(_rotation[0], l), r01 = Load(_rotation[1], l), r02 = Load(_rotation[2], l);
            TV r10 = Load(_rotation[3], l), r11 = Load(_rotation[4], l), r12 = Load(_rotation[5], l);
            TV r20 = Load(_rotation[6], l), r21 = Load(_rotation[7], l), r22 = Load(_rotation[8], l);
            for (int o = l; o < n; o += Lanes)
            {
                TV x = Load(_mx, o), y = Load(_my, o), z = Load(_mz, o);
                Store(r00 * x + r01 * y + r02 * z, _mx, o);
                Store(r10 * x + r11 * y + r12 * z, _my, o);
                Store(r20 * x + r21 * y + r22 * z, _mz, o);
            }
        }
    }

    /// <summary>The passes of repetition r: A ← A·a (voxel factor), Z ← Z·b (isochromat factors); at a sample,
    /// s_c += e^{iφ_ADC}·Σ_voxels W_c·A·Σⱼ Zⱼ.</summary>
    private void RunRepetition(int r, double[]? signalRe, double[]? signalIm, bool recordFactors)
    {
        CompiledSequence seq = _setup.Sequence;
        Array.Fill(_aRe, T.One, 0, Lanes);
        Array.Clear(_aIm, 0, Lanes);
        int lastSignature = -1, coils = _setup.CoilCount;
        for (int p = seq.PassStart[r]; p < seq.PassStart[r + 1]; p++)
        {
            Pass pass = seq.Passes[p];
            if (pass.SignatureId != lastSignature)
            {
                VoxelFactors(seq.Signatures[pass.SignatureId]);
                lastSignature = pass.SignatureId;
            }
            for (int l = 0; l < Lanes; l += Width)
            {
                TV ar = Load(_aRe, l), ai = Load(_aIm, l), sr = Load(_stepRe, l), si = Load(_stepIm, l);
                Store(ar * sr - ai * si, _aRe, l);
                Store(ar * si + ai * sr, _aIm, l);
            }
            if (_setup.Diffusion?.PassB[p] is double b and > 0)
            {
                // A ← A·e^{−D·b}
                Span<T> attenuation = _attenuation.AsSpan(0, Lanes);
                TensorPrimitives.Multiply(_lanes.DiffusionT.AsSpan(0, Lanes), Of(-b), attenuation);
                TensorPrimitives.Exp(attenuation, attenuation);
                TensorPrimitives.Multiply(_aRe.AsSpan(0, Lanes), attenuation, _aRe.AsSpan(0, Lanes));
                TensorPrimitives.Multiply(_aIm.AsSpan(0, Lanes), attenuation, _aIm.AsSpan(0, Lanes));
            }
            bool sample = pass.IsSample && signalRe is not null;
            (double adcSin, double adcCos) = Math.SinCos(pass.AdcPhase);
            TV cosAdc = TV.Create(Of(adcCos)), sinAdc = TV.Create(Of(adcSin));
            if (sample) { Array.Clear(_coilRe); Array.Clear(_coilIm); }
            for (int k = 0; k < Lanes / Width; k++)
            {
                (TV sumRe, TV sumIm) = Propagate(pass.SignatureId, k);
                if (!sample) continue;
                int l = k * Width;
                TV ar = Load(_aRe, l), ai = Load(_aIm, l);
                TV mr = ar * sumRe - ai * sumIm, mi = ar * sumIm + ai * sumRe;
                TV dr = mr * cosAdc - mi * sinAdc, di = mr * sinAdc + mi * cosAdc;
                for (int c = 0; c < coils; c++)
                {
                    TV wr = Load(_lanes.WeightRe[c], l), wi = Load(_lanes.WeightIm[c], l);
                    _coilRe[c] += wr * dr - wi * di;
                    _coilIm[c] += wr * di + wi * dr;
                }
            }
            if (sample)
            {
                for (int c = 0; c < coils; c++)
                {
                    signalRe![pass.Sample * coils + c] += double.CreateTruncating(TV.Sum(_coilRe[c]));
                    signalIm![pass.Sample * coils + c] += double.CreateTruncating(TV.Sum(_coilIm[c]));
                }
            }
            if (recordFactors) RecordFactors(p - seq.PassStart[r]);
        }
    }

    /// <summary>Z ← Z·bⱼ for the isochromats of vector k (one voxel per lane); returns Σⱼ Z per lane.</summary>
    private (TV Re, TV Im) Propagate(int signature, int k)
    {
        int l = k * Width, n = Lanes * _spins;
        TV sumRe = TV.Zero, sumIm = TV.Zero;
        int cls = _lanes.VectorClass[k];
        int b = cls >= 0 ? _setup.PhaseOffset(signature, cls) : 0;
        for (int j = 0, o = l; o < n; j++, o += Lanes)
        {
            (TV br, TV bi) = cls >= 0
                ? (TV.Create(_setup.PhaseRe[b + j]), TV.Create(_setup.PhaseIm[b + j]))
                : Gather(signature, l, j);
            TV zr = Load(_mx, o), zi = Load(_my, o);
            TV nr = zr * br - zi * bi, ni = zr * bi + zi * br;
            Store(nr, _mx, o);
            Store(ni, _my, o);
            sumRe += nr; sumIm += ni;
        }
        return (sumRe, sumIm);
    }

    /// <summary>Isochromat j's factor for each lane of the vector at lane l, when the lanes differ in T2' class.</summary>
    private (TV Re, TV Im) Gather(int signature, int l, int j)
    {
        for (int w = 0; w < Width; w++)
        {
            int b = _setup.PhaseOffset(signature, _lanes.Class[l + w]) + j;
            _gatherRe[w] = _setup.PhaseRe[b];
            _gatherIm[w] = _setup.PhaseIm[b];
        }
        return (Load(_gatherRe, 0), Load(_gatherIm, 0));
    }

    /// <summary>Voxel factor of one signature: a = e^{−τ/T2}·e^{−i2π(g·r + ΔB0·τ)} per lane.</summary>
    private void VoxelFactors(Signature g)
    {
        // in double: phases reach hundreds of radians, where float would lose 1e-5 rad per pass
        for (int l = 0; l < Lanes; l++)
        {
            _phase[l] = -2 * Math.PI * (g.MomentX * _lanes.X[l] + g.MomentY * _lanes.Y[l] + g.MomentZ * _lanes.Z[l] + _lanes.B0[l] * g.DurationSeconds);
            _decay[l] = -g.DurationSeconds / _lanes.T2[l];
        }
        Span<double> decay = _decay.AsSpan(0, Lanes);
        TensorPrimitives.SinCos<double>(_phase.AsSpan(0, Lanes), _sin.AsSpan(0, Lanes), _cos.AsSpan(0, Lanes));
        TensorPrimitives.Exp<double>(decay, decay);
        for (int l = 0; l < Lanes; l++)
        {
            _stepRe[l] = Of(_decay[l] * _cos[l]);
            _stepIm[l] = Of(_decay[l] * _sin[l]);
        }
    }

    /// <summary>End of repetition r: M⊥ ← A·Z; Mz ← 1 + (Mz − 1)·E1 with E1 = e^{−T/T1} over its whole duration T.</summary>
    private void FinishRepetition(int r)
    {
        RelaxationFactors(r);
        int n = Lanes * _spins;
        for (int l = 0; l < Lanes; l += Width)
        {
            TV ar = Load(_aRe, l), ai = Load(_aIm, l), e1 = Load(_e1, l);
            for (int o = l; o < n; o += Lanes)
            {
                TV zr = Load(_mx, o), zi = Load(_my, o), z = Load(_mz, o);
                Store(ar * zr - ai * zi, _mx, o);
                Store(ar * zi + ai * zr, _my, o);
                Store(TV.One + (z - TV.One) * e1, _mz, o);
            }
        }
    }

    /// <summary>E1 = e^{−T/T1} per lane for the whole duration T of repetition r.</summary>
    private void RelaxationFactors(int r)
    {
        double duration = _setup.Sequence.RepetitionDuration[r];
        for (int l = 0; l < Lanes; l++) _decay[l] = -duration / _lanes.T1[l];
        TensorPrimitives.Exp<double>(_decay.AsSpan(0, Lanes), _decay.AsSpan(0, Lanes));
        for (int l = 0; l < Lanes; l++) _e1[l] = Of(_decay[l]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Load(T[] array, int index) => TV.Load(array, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(TV value, T[] array, int index) => TV.Store(value, array, index);

    private static T Of(double value) => T.CreateTruncating(value);
}
