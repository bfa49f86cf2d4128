using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using SeqZero.Phantoms.Loaders;

namespace SeqZero.Simulation.Blocks;

/// <summary>The spins of one chunk running through all segments: state in precision T (structure of arrays), geometry and
/// phases in double; scratch arrays allocated once per worker. A free segment is one fused pass:
/// M⊥ ← M⊥·e^{−τ/T2}·e^{−i2π(g·r + ΔB0·τ)} and, at a sample, s_c += Σ PD·coil_c·M⊥; its per-spin factor is reused while
/// consecutive free segments are identical (an EPI line's samples). Mz changes only by T1 recovery between RF segments,
/// so that recovery is applied once, just before the next RF.</summary>
internal sealed class BlockChunk<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _mx, _my, _mz, _factorRe, _factorIm;
    private readonly T[][] _weightRe, _weightIm;   // PD·coil per coil and spin
    private readonly double[] _x, _y, _z, _b0, _t1, _t2;
    private readonly Complex[] _b1;
    private readonly double[] _theta, _sin, _cos, _decay, _nx, _ny, _nz;
    private readonly T[] _scratch;
    private readonly T[] _sumRe, _sumIm;

    public BlockChunk(int capacity, int coils)
    {
        _mx = new T[capacity]; _my = new T[capacity]; _mz = new T[capacity];
        _factorRe = new T[capacity]; _factorIm = new T[capacity]; _scratch = new T[capacity];
        _weightRe = new T[coils][]; _weightIm = new T[coils][];
        for (int c = 0; c < coils; c++) { _weightRe[c] = new T[capacity]; _weightIm[c] = new T[capacity]; }
        _x = new double[capacity]; _y = new double[capacity]; _z = new double[capacity];
        _b0 = new double[capacity]; _t1 = new double[capacity]; _t2 = new double[capacity];
        _b1 = new Complex[capacity];
        _theta = new double[capacity]; _sin = new double[capacity]; _cos = new double[capacity]; _decay = new double[capacity];
        _nx = new double[capacity]; _ny = new double[capacity]; _nz = new double[capacity];
        _sumRe = new T[coils]; _sumIm = new T[coils];
    }

    private int Coils => _weightRe.Length;

    /// <summary>Adds the chunk's signal into (re, im), sample-major with the coils inner.</summary>
    public void Run(SegmentedSequence sequence, SpinPhantom spins, int first, int count, double[] re, double[] im)
    {
        Load(spins, first, count);
        TimeSegment? factorOf = null;     // the free segment whose factor is in _factorRe/_factorIm
        double longitudinalPending = 0;   // time since Mz was last brought up to date [s]
        int sample = 0;
        foreach (TimeSegment segment in sequence.Segments)
        {
            if (segment.HasRf && segment.DurationSeconds > 0)
            {
                RecoverLongitudinal(longitudinalPending, count);
                longitudinalPending = 0;
                Rotate(segment, count);
                Relax(segment.DurationSeconds, count);
                factorOf = null;
                if (segment.Sample) Measure(count);
            }
            else
            {
                if (factorOf is not { } previous || !SameFree(previous, segment))
                {
                    FreeFactor(segment, count);
                    factorOf = segment;
                }
                longitudinalPending += segment.DurationSeconds;
                Precess(count, segment.Sample);
            }
            if (!segment.Sample) continue;
            (double s, double c) = Math.SinCos(segment.AdcPhaseRadians);
            for (int coil = 0; coil < Coils; coil++)
            {
                double sr = double.CreateTruncating(_sumRe[coil]), si = double.CreateTruncating(_sumIm[coil]);
                re[sample * Coils + coil] += sr * c - si * s;
                im[sample * Coils + coil] += sr * s + si * c;
            }
            sample++;
        }
    }

    private void Load(SpinPhantom spins, int first, int count)
    {
        Array.Copy(spins.XMeters, first, _x, 0, count);
        Array.Copy(spins.YMeters, first, _y, 0, count);
        Array.Copy(spins.ZMeters, first, _z, 0, count);
        Array.Copy(spins.B0Hertz, first, _b0, 0, count);
        Array.Copy(spins.T1Seconds, first, _t1, 0, count);
        Array.Copy(spins.T2Seconds, first, _t2, 0, count);
        Array.Copy(spins.B1, first, _b1, 0, count);
        for (int c = 0; c < Coils; c++)
        for (int i = 0; i < count; i++)
        {
            Complex w = spins.ProtonDensity[first + i] * spins.CoilSensitivities[c][first + i];
            _weightRe[c][i] = T.CreateTruncating(w.Real);
            _weightIm[c][i] = T.CreateTruncating(w.Imaginary);
        }
        Array.Clear(_mx, 0, count);
        Array.Clear(_my, 0, count);
        Array.Fill(_mz, T.One, 0, count);
    }

    /// <summary>Two free segments with the same duration and moment up to rounding (segment ends come from differences of
    /// absolute times, so an EPI line's equal dwells differ in their last bits; 1e-12 relative changes no phase visibly).</summary>
    private static bool SameFree(TimeSegment a, TimeSegment b) =>
        Close(a.DurationSeconds, b.DurationSeconds) && Close(a.MomentX, b.MomentX) && Close(a.MomentY, b.MomentY) && Close(a.MomentZ, b.MomentZ);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>e^{−τ/T2}·e^{−i2π(g·r + ΔB0·τ)} per spin, computed in double.</summary>
    private void FreeFactor(TimeSegment s, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _theta[i] = -2 * Math.PI * (s.MomentX * _x[i] + s.MomentY * _y[i] + s.MomentZ * _z[i] + _b0[i] * s.DurationSeconds);
            _decay[i] = -s.DurationSeconds / _t2[i];
        }
        TensorPrimitives.SinCos<double>(_theta.AsSpan(0, count), _sin.AsSpan(0, count), _cos.AsSpan(0, count));
        TensorPrimitives.Exp<double>(_decay.AsSpan(0, count), _decay.AsSpan(0, count));
        for (int i = 0; i < count; i++)
        {
            _factorRe[i] = T.CreateTruncating(_decay[i] * _cos[i]);
            _factorIm[i] = T.CreateTruncating(_decay[i] * _sin[i]);
        }
    }

    /// <summary>M⊥ ← M⊥·factor and, when sampling, Σ PD·coil·M⊥ per coil into _sumRe/_sumIm (one fused pass for one coil).</summary>
    private void Precess(int count, bool sample)
    {
        ref T x = ref MemoryMarshal.GetArrayDataReference(_mx), y = ref MemoryMarshal.GetArrayDataReference(_my);
        ref T fr = ref MemoryMarshal.GetArrayDataReference(_factorRe), fi = ref MemoryMarshal.GetArrayDataReference(_factorIm);
        bool fused = sample && Coils == 1;
        ref T wr = ref MemoryMarshal.GetArrayDataReference(_weightRe[0]), wi = ref MemoryMarshal.GetArrayDataReference(_weightIm[0]);
        Vector<T> accRe = Vector<T>.Zero, accIm = Vector<T>.Zero;
        int i = 0, width = Vector<T>.Count;
        for (; i <= count - width; i += width)
        {
            nuint k = (nuint)i;
            Vector<T> a = Vector.LoadUnsafe(ref x, k), b = Vector.LoadUnsafe(ref y, k);
            Vector<T> c = Vector.LoadUnsafe(ref fr, k), d = Vector.LoadUnsafe(ref fi, k);
            Vector<T> nr = a * c - b * d, ni = a * d + b * c;
            nr.StoreUnsafe(ref x, k);
            ni.StoreUnsafe(ref y, k);
            if (!fused) continue;
            Vector<T> pr = Vector.LoadUnsafe(ref wr, k), pi = Vector.LoadUnsafe(ref wi, k);
            accRe += pr * nr - pi * ni;
            accIm += pr * ni + pi * nr;
        }
        T sumRe = Vector.Sum(accRe), sumIm = Vector.Sum(accIm);
        for (; i < count; i++)
        {
            T a = _mx[i], b = _my[i];
            T nr = a * _factorRe[i] - b * _factorIm[i], ni = a * _factorIm[i] + b * _factorRe[i];
            _mx[i] = nr; _my[i] = ni;
            if (fused) { sumRe += _weightRe[0][i] * nr - _weightIm[0][i] * ni; sumIm += _weightRe[0][i] * ni + _weightIm[0][i] * nr; }
        }
        if (fused) { _sumRe[0] = sumRe; _sumIm[0] = sumIm; }
        else if (sample) Measure(count);
    }

    /// <summary>Σ PD·coil_c·M⊥ per coil into _sumRe/_sumIm.</summary>
    private void Measure(int count)
    {
        ReadOnlySpan<T> mx = _mx.AsSpan(0, count), my = _my.AsSpan(0, count);
        for (int c = 0; c < Coils; c++)
        {
            ReadOnlySpan<T> wr = _weightRe[c].AsSpan(0, count), wi = _weightIm[c].AsSpan(0, count);
            _sumRe[c] = TensorPrimitives.Dot(wr, mx) - TensorPrimitives.Dot(wi, my);
            _sumIm[c] = TensorPrimitives.Dot(wr, my) + TensorPrimitives.Dot(wi, mx);
        }
    }

    /// <summary>Mz ← 1 + (Mz − 1)·e^{−T/T1} for the free time T since the last update.</summary>
    private void RecoverLongitudinal(double seconds, int count)
    {
        if (seconds == 0) return;
        for (int i = 0; i < count; i++) _decay[i] = -seconds / _t1[i];
        TensorPrimitives.Exp<double>(_decay.AsSpan(0, count), _decay.AsSpan(0, count));
        for (int i = 0; i < count; i++) _mz[i] = T.One + (_mz[i] - T.One) * T.CreateTruncating(_decay[i]);
    }

    /// <summary>Rotation by |Ω|·τ about Ω/|Ω| (Rodrigues), with the spin's RF γ̄B1·B1_spin:
    /// m ← m·cos θ + (n × m)·sin θ + n·(n·m)·(1 − cos θ); computed in double.</summary>
    private void Rotate(TimeSegment s, int count)
    {
        double tau = s.DurationSeconds;
        for (int i = 0; i < count; i++)
        {
            Complex rf = s.RfHertz * _b1[i];
            double wx = 2 * Math.PI * rf.Real, wy = 2 * Math.PI * rf.Imaginary;
            // mean gradient over the segment: g/τ [Hz/m]
            double wz = -2 * Math.PI * ((s.MomentX * _x[i] + s.MomentY * _y[i] + s.MomentZ * _z[i]) / tau + _b0[i]);
            double norm = Math.Sqrt(wx * wx + wy * wy + wz * wz);
            _nx[i] = wx / norm; _ny[i] = wy / norm; _nz[i] = wz / norm;
            _theta[i] = norm * tau;
        }
        TensorPrimitives.SinCos<double>(_theta.AsSpan(0, count), _sin.AsSpan(0, count), _cos.AsSpan(0, count));
        for (int i = 0; i < count; i++)
        {
            double mx = double.CreateTruncating(_mx[i]), my = double.CreateTruncating(_my[i]), mz = double.CreateTruncating(_mz[i]);
            double nx = _nx[i], ny = _ny[i], nz = _nz[i];
            double c = _cos[i], sn = _sin[i], dot = (nx * mx + ny * my + nz * mz) * (1 - c);
            _mx[i] = T.CreateTruncating(mx * c + (ny * mz - nz * my) * sn + nx * dot);
            _my[i] = T.CreateTruncating(my * c + (nz * mx - nx * mz) * sn + ny * dot);
            _mz[i] = T.CreateTruncating(mz * c + (nx * my - ny * mx) * sn + nz * dot);
        }
    }

    /// <summary>Relaxation over an RF segment: M⊥·e^{−τ/T2}, Mz ← 1 + (Mz − 1)·e^{−τ/T1}.</summary>
    private void Relax(double tau, int count)
    {
        for (int i = 0; i < count; i++) _decay[i] = -tau / _t2[i];
        TensorPrimitives.Exp<double>(_decay.AsSpan(0, count), _decay.AsSpan(0, count));
        for (int i = 0; i < count; i++) _scratch[i] = T.CreateTruncating(_decay[i]);
        TensorPrimitives.Multiply(_mx.AsSpan(0, count), _scratch.AsSpan(0, count), _mx.AsSpan(0, count));
        TensorPrimitives.Multiply(_my.AsSpan(0, count), _scratch.AsSpan(0, count), _my.AsSpan(0, count));
        RecoverLongitudinal(tau, count);
    }
}
