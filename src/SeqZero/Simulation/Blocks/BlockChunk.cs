using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using SeqZero.Phantoms.Loaders;

namespace SeqZero.Simulation.Blocks;

/// <summary>The spins of one chunk running through all segments (structure of arrays, double precision; scratch arrays
/// allocated once per worker). A free segment is one fused pass: M⊥ ← M⊥·e^{−τ/T2}·e^{−i2π(g·r + ΔB0·τ)} and, at a sample,
/// s += Σ PD·M⊥; its per-spin factor is reused while consecutive free segments are identical (an EPI line's samples).
/// Mz changes only by T1 recovery between RF segments, so that recovery is applied once, just before the next RF.</summary>
internal sealed class BlockChunk
{
    private readonly double[] _mx, _my, _mz, _x, _y, _z, _b0, _t1, _t2, _pd;
    private readonly Complex[] _b1;
    private readonly double[] _theta, _sin, _cos, _decay, _factorRe, _factorIm;
    private readonly double[] _nx, _ny, _nz;

    public BlockChunk(int capacity)
    {
        _mx = new double[capacity]; _my = new double[capacity]; _mz = new double[capacity];
        _x = new double[capacity]; _y = new double[capacity]; _z = new double[capacity];
        _b0 = new double[capacity]; _t1 = new double[capacity]; _t2 = new double[capacity]; _pd = new double[capacity];
        _b1 = new Complex[capacity];
        _theta = new double[capacity]; _sin = new double[capacity]; _cos = new double[capacity]; _decay = new double[capacity];
        _factorRe = new double[capacity]; _factorIm = new double[capacity];
        _nx = new double[capacity]; _ny = new double[capacity]; _nz = new double[capacity];
    }

    public (double[] Re, double[] Im) Run(SegmentedSequence sequence, SpinPhantom spins, int first, int count)
    {
        Load(spins, first, count);
        var re = new double[sequence.SampleCount];
        var im = new double[sequence.SampleCount];
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
                if (segment.Sample) (re[sample], im[sample]) = Measure(count, segment.AdcPhaseRadians);
            }
            else
            {
                if (factorOf is not { } previous || !SameFree(previous, segment))
                {
                    FreeFactor(segment, count);
                    factorOf = segment;
                }
                longitudinalPending += segment.DurationSeconds;
                (double sr, double si) = Precess(count, segment.Sample);
                if (segment.Sample)
                {
                    (double s, double c) = Math.SinCos(segment.AdcPhaseRadians);
                    (re[sample], im[sample]) = (sr * c - si * s, sr * s + si * c);
                }
            }
            if (segment.Sample) sample++;
        }
        return (re, im);
    }

    private void Load(SpinPhantom spins, int first, int count)
    {
        Array.Copy(spins.XMeters, first, _x, 0, count);
        Array.Copy(spins.YMeters, first, _y, 0, count);
        Array.Copy(spins.ZMeters, first, _z, 0, count);
        Array.Copy(spins.B0Hertz, first, _b0, 0, count);
        Array.Copy(spins.T1Seconds, first, _t1, 0, count);
        Array.Copy(spins.T2Seconds, first, _t2, 0, count);
        Array.Copy(spins.ProtonDensity, first, _pd, 0, count);
        Array.Copy(spins.B1, first, _b1, 0, count);
        Array.Clear(_mx, 0, count);
        Array.Clear(_my, 0, count);
        Array.Fill(_mz, 1.0, 0, count);
    }

    /// <summary>Two free segments with the same duration and moment up to rounding (segment ends come from differences of
    /// absolute times, so an EPI line's equal dwells differ in their last bits; 1e-12 relative changes no phase visibly).</summary>
    private static bool SameFree(TimeSegment a, TimeSegment b) =>
        Close(a.DurationSeconds, b.DurationSeconds) && Close(a.MomentX, b.MomentX) && Close(a.MomentY, b.MomentY) && Close(a.MomentZ, b.MomentZ);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>e^{−τ/T2}·e^{−i2π(g·r + ΔB0·τ)} per spin.</summary>
    private void FreeFactor(TimeSegment s, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _theta[i] = -2 * Math.PI * (s.MomentX * _x[i] + s.MomentY * _y[i] + s.MomentZ * _z[i] + _b0[i] * s.DurationSeconds);
            _decay[i] = -s.DurationSeconds / _t2[i];
        }
        TensorPrimitives.SinCos<double>(_theta.AsSpan(0, count), _sin.AsSpan(0, count), _cos.AsSpan(0, count));
        TensorPrimitives.Exp<double>(_decay.AsSpan(0, count), _decay.AsSpan(0, count));
        TensorPrimitives.Multiply<double>(_cos.AsSpan(0, count), _decay.AsSpan(0, count), _factorRe.AsSpan(0, count));
        TensorPrimitives.Multiply<double>(_sin.AsSpan(0, count), _decay.AsSpan(0, count), _factorIm.AsSpan(0, count));
    }

    /// <summary>M⊥ ← M⊥·factor; returns Σ PD·M⊥ when sampling (one fused pass).</summary>
    private (double Re, double Im) Precess(int count, bool sample)
    {
        ref double x = ref MemoryMarshal.GetArrayDataReference(_mx), y = ref MemoryMarshal.GetArrayDataReference(_my);
        ref double fr = ref MemoryMarshal.GetArrayDataReference(_factorRe), fi = ref MemoryMarshal.GetArrayDataReference(_factorIm);
        ref double pd = ref MemoryMarshal.GetArrayDataReference(_pd);
        var accRe = Vector<double>.Zero;
        var accIm = Vector<double>.Zero;
        int i = 0, width = Vector<double>.Count;
        for (; i <= count - width; i += width)
        {
            nuint k = (nuint)i;
            Vector<double> a = Vector.LoadUnsafe(ref x, k), b = Vector.LoadUnsafe(ref y, k);
            Vector<double> c = Vector.LoadUnsafe(ref fr, k), d = Vector.LoadUnsafe(ref fi, k);
            Vector<double> nr = a * c - b * d, ni = a * d + b * c;
            nr.StoreUnsafe(ref x, k);
            ni.StoreUnsafe(ref y, k);
            if (!sample) continue;
            Vector<double> w = Vector.LoadUnsafe(ref pd, k);
            accRe += w * nr;
            accIm += w * ni;
        }
        double sumRe = Vector.Sum(accRe), sumIm = Vector.Sum(accIm);
        for (; i < count; i++)
        {
            double a = _mx[i], b = _my[i];
            double nr = a * _factorRe[i] - b * _factorIm[i], ni = a * _factorIm[i] + b * _factorRe[i];
            _mx[i] = nr; _my[i] = ni;
            if (sample) { sumRe += _pd[i] * nr; sumIm += _pd[i] * ni; }
        }
        return (sumRe, sumIm);
    }

    /// <summary>Mz ← 1 + (Mz − 1)·e^{−T/T1} for the free time T since the last update.</summary>
    private void RecoverLongitudinal(double seconds, int count)
    {
        if (seconds == 0) return;
        for (int i = 0; i < count; i++) _decay[i] = -seconds / _t1[i];
        TensorPrimitives.Exp<double>(_decay.AsSpan(0, count), _decay.AsSpan(0, count));
        for (int i = 0; i < count; i++) _mz[i] = 1 + (_mz[i] - 1) * _decay[i];
    }

    /// <summary>Rotation by |Ω|·τ about Ω/|Ω| (Rodrigues), with the spin's RF γ̄B1·B1_spin:
    /// m ← m·cos θ + (n × m)·sin θ + n·(n·m)·(1 − cos θ).</summary>
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
            double mx = _mx[i], my = _my[i], mz = _mz[i], nx = _nx[i], ny = _ny[i], nz = _nz[i];
            double c = _cos[i], sn = _sin[i], dot = (nx * mx + ny * my + nz * mz) * (1 - c);
            _mx[i] = mx * c + (ny * mz - nz * my) * sn + nx * dot;
            _my[i] = my * c + (nz * mx - nx * mz) * sn + ny * dot;
            _mz[i] = mz * c + (nx * my - ny * mx) * sn + nz * dot;
        }
    }

    /// <summary>Relaxation over an RF segment: M⊥·e^{−τ/T2}, Mz ← 1 + (Mz − 1)·e^{−τ/T1}.</summary>
    private void Relax(double tau, int count)
    {
        for (int i = 0; i < count; i++) _decay[i] = -tau / _t2[i];
        TensorPrimitives.Exp<double>(_decay.AsSpan(0, count), _decay.AsSpan(0, count));
        TensorPrimitives.Multiply(_mx.AsSpan(0, count), _decay.AsSpan(0, count), _mx.AsSpan(0, count));
        TensorPrimitives.Multiply(_my.AsSpan(0, count), _decay.AsSpan(0, count), _my.AsSpan(0, count));
        RecoverLongitudinal(tau, count);
    }

    /// <summary>e^{iφ}·Σ PD·M⊥.</summary>
    private (double Re, double Im) Measure(int count, double adcPhase)
    {
        double re = TensorPrimitives.Dot<double>(_pd.AsSpan(0, count), _mx.AsSpan(0, count));
        double im = TensorPrimitives.Dot<double>(_pd.AsSpan(0, count), _my.AsSpan(0, count));
        (double s, double c) = Math.SinCos(adcPhase);
        return (re * c - im * s, re * s + im * c);
    }
}
