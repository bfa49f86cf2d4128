using System.Numerics;
using System.Numerics.Tensors;
using SeqZero.Phantoms.Loaders;

namespace SeqZero.Simulation.Blocks;

/// <summary>The spins of one chunk running through all segments (structure of arrays, double precision). Scratch
/// arrays are allocated once per worker.</summary>
internal sealed class BlockChunk
{
    private readonly double[] _mx, _my, _mz, _x, _y, _z, _b0, _t1, _t2, _pd;
    private readonly Complex[] _b1;
    private readonly double[] _theta, _sin, _cos, _e1, _e2;
    private readonly double[] _nx, _ny, _nz;

    public BlockChunk(int capacity, int samples)
    {
        _mx = new double[capacity]; _my = new double[capacity]; _mz = new double[capacity];
        _x = new double[capacity]; _y = new double[capacity]; _z = new double[capacity];
        _b0 = new double[capacity]; _t1 = new double[capacity]; _t2 = new double[capacity]; _pd = new double[capacity];
        _b1 = new Complex[capacity];
        _theta = new double[capacity]; _sin = new double[capacity]; _cos = new double[capacity];
        _e1 = new double[capacity]; _e2 = new double[capacity];
        _nx = new double[capacity]; _ny = new double[capacity]; _nz = new double[capacity];
    }

    public (double[] Re, double[] Im) Run(SegmentedSequence sequence, SpinPhantom spins, int first, int count)
    {
        Load(spins, first, count);
        var re = new double[sequence.SampleCount];
        var im = new double[sequence.SampleCount];
        TimeSegment? lastFree = null;
        double lastDuration = double.NaN;
        int sample = 0;
        foreach (TimeSegment segment in sequence.Segments)
        {
            if (segment.HasRf && segment.DurationSeconds > 0)
            {
                Rotate(segment, count);
                lastFree = null;
            }
            else
            {
                if (lastFree is not { } previous || !SameFree(previous, segment)) FreePhase(segment, count);
                lastFree = segment;
                Precess(count);
            }
            if (segment.DurationSeconds != lastDuration)
            {
                RelaxationFactors(segment.DurationSeconds, count);
                lastDuration = segment.DurationSeconds;
            }
            Relax(count);
            if (segment.Sample)
            {
                (re[sample], im[sample]) = Measure(count, segment.AdcPhaseRadians);
                sample++;
            }
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

    private static bool SameFree(TimeSegment a, TimeSegment b) =>
        a.DurationSeconds == b.DurationSeconds && a.MomentX == b.MomentX && a.MomentY == b.MomentY && a.MomentZ == b.MomentZ;

    /// <summary>e^{−i2π(g·r + ΔB0·τ)} per spin into (cos, sin).</summary>
    private void FreePhase(TimeSegment s, int count)
    {
        for (int i = 0; i < count; i++)
            _theta[i] = -2 * Math.PI * (s.MomentX * _x[i] + s.MomentY * _y[i] + s.MomentZ * _z[i] + _b0[i] * s.DurationSeconds);
        TensorPrimitives.SinCos<double>(_theta.AsSpan(0, count), _sin.AsSpan(0, count), _cos.AsSpan(0, count));
    }

    private void Precess(int count)
    {
        for (int i = 0; i < count; i++)
        {
            double x = _mx[i], y = _my[i];
            _mx[i] = x * _cos[i] - y * _sin[i];
            _my[i] = x * _sin[i] + y * _cos[i];
        }
    }

    /// <summary>Rotation by |Ω|·τ about Ω/|Ω| (Rodrigues), with the spin's RF γ̄B1·B1_spin: m ← m·cos θ + (n × m)·sin θ + n·(n·m)·(1 − cos θ).</summary>
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

    private void RelaxationFactors(double tau, int count)
    {
        for (int i = 0; i < count; i++) { _e1[i] = -tau / _t1[i]; _e2[i] = -tau / _t2[i]; }
        TensorPrimitives.Exp<double>(_e1.AsSpan(0, count), _e1.AsSpan(0, count));
        TensorPrimitives.Exp<double>(_e2.AsSpan(0, count), _e2.AsSpan(0, count));
    }

    private void Relax(int count)
    {
        Span<double> e2 = _e2.AsSpan(0, count);
        TensorPrimitives.Multiply(_mx.AsSpan(0, count), e2, _mx.AsSpan(0, count));
        TensorPrimitives.Multiply(_my.AsSpan(0, count), e2, _my.AsSpan(0, count));
        for (int i = 0; i < count; i++) _mz[i] = 1 + (_mz[i] - 1) * _e1[i];
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
