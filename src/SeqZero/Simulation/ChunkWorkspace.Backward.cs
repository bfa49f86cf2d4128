using System.Numerics;

namespace SeqZero.Simulation;

/// <summary>Reverse mode for one chunk of voxels. The state before every pulse is checkpointed during a forward sweep;
/// going backwards, each repetition is recomputed from its checkpoint (memory: checkpoints + one repetition's voxel
/// factors). Within a repetition M⊥ₚ = Aₚ·Zₚ with Zₚ = Zₚ₋₁·bₚ; the adjoint Λₚ = ∂L/∂Zₚ runs backwards as
/// Λₚ₋₁ = conj(bₚ)·Λₚ + (direct terms), and a parameter that turns the phase of pass p by δθ changes L by Φₚ·δθ,
/// Φ = Re(conj(Λ)·iZ); one that scales its magnitude by (1 + δ) changes L by Ψₚ·δ, Ψ = Re(conj(Λ)·Z).</summary>
internal sealed partial class ChunkWorkspace<T>
{
    private T[] _checkpoints = [];
    private T[] _u0r = [], _u0i = [], _z0 = [];     // state right after the pulse
    private T[] _lr = [], _li = [];                 // Λ during the repetition
    private T[] _lx = [], _ly = [], _lz = [];       // ∂L/∂m at the end of a repetition / before its pulse
    private T[] _isochromatPhi = [];
    private double[] _historyRe = [], _historyIm = []; // A of every pass of the current repetition, [pass][voxel]
    private int _maxVoxels;

    private void AllocateGradientBuffers(int maxVoxels)
    {
        _maxVoxels = maxVoxels;
        CompiledSequence seq = _setup.Sequence;
        int n = maxVoxels * _spins;
        _checkpoints = new T[(long)seq.RepetitionCount * n * 3 > int.MaxValue
            ? throw new InsufficientMemoryException($"Checkpoints of {seq.RepetitionCount} repetitions × {n} spins exceed one array; use fewer voxels per chunk.")
            : seq.RepetitionCount * n * 3];
        _u0r = new T[n]; _u0i = new T[n]; _z0 = new T[n];
        _lr = new T[n]; _li = new T[n];
        _lx = new T[n]; _ly = new T[n]; _lz = new T[n];
        _isochromatPhi = new T[_spins];
        int maxPasses = 0;
        for (int r = 0; r < seq.RepetitionCount; r++) maxPasses = Math.Max(maxPasses, seq.PassStart[r + 1] - seq.PassStart[r]);
        _historyRe = new double[maxPasses * maxVoxels];
        _historyIm = new double[maxPasses * maxVoxels];
    }

    private void RecordFactors(int localPass, int count)
    {
        Array.Copy(_aRe, 0, _historyRe, localPass * _maxVoxels, count);
        Array.Copy(_aIm, 0, _historyIm, localPass * _maxVoxels, count);
    }

    /// <summary>Adds ∂L/∂(parameters) of voxels [first, first + count) for the signal adjoint
    /// <paramref name="adjointRe"/> + i·<paramref name="adjointIm"/> (∂L/∂Re s + i·∂L/∂Im s, sample-major, coil inner).
    /// Pass and repetition gradients go into <paramref name="passes"/>; voxel gradients into <paramref name="voxelGradients"/>.</summary>
    public void Backward(int first, int count, double[] adjointRe, double[] adjointIm, PassGradients passes, SimulationGradients voxelGradients)
    {
        CompiledSequence seq = _setup.Sequence;
        int n = count * _spins;

        // forward sweep, keeping the state before each pulse
        Reset(count);
        for (int r = 0; r < seq.RepetitionCount; r++)
        {
            SaveCheckpoint(r, n);
            ApplyPulse(r, first, count);
            RunRepetition(r, first, count, null, null, recordFactors: false);
            FinishRepetition(r, first, count);
        }

        Array.Clear(_lx, 0, n); Array.Clear(_ly, 0, n); Array.Clear(_lz, 0, n);
        for (int r = seq.RepetitionCount - 1; r >= 0; r--)
        {
            RestoreCheckpoint(r, n);
            ApplyPulse(r, first, count);
            Array.Copy(_mx, _u0r, n); Array.Copy(_my, _u0i, n); Array.Copy(_mz, _z0, n);
            RunRepetition(r, first, count, null, null, recordFactors: true);
            double longitudinal = EndOfRepetitionAdjoint(r, first, count, voxelGradients);
            PassesBackward(r, first, count, adjointRe, adjointIm, longitudinal, passes, voxelGradients);
            PulseBackward(r, first, count, passes, voxelGradients);
        }
    }

    private void SaveCheckpoint(int r, int n)
    {
        int o = r * n * 3;
        Array.Copy(_mx, 0, _checkpoints, o, n);
        Array.Copy(_my, 0, _checkpoints, o + n, n);
        Array.Copy(_mz, 0, _checkpoints, o + 2 * n, n);
    }

    private void RestoreCheckpoint(int r, int n)
    {
        int o = r * n * 3;
        Array.Copy(_checkpoints, o, _mx, 0, n);
        Array.Copy(_checkpoints, o + n, _my, 0, n);
        Array.Copy(_checkpoints, o + 2 * n, _mz, 0, n);
    }

    /// <summary>From λ = ∂L/∂m at the repetition's end: Λ = conj(A)·(λx + iλy); λz ← E1·λz; returns ∂L/∂T_rep through
    /// Mz_end = 1 + (Mz₀ − 1)·E1, E1 = e^{−T/T1} (and adds ∂L/∂T1).</summary>
    private double EndOfRepetitionAdjoint(int r, int first, int count, SimulationGradients voxelGradients)
    {
        double duration = _setup.Sequence.RepetitionDuration[r];
        double dDuration = 0;
        for (int v = 0; v < count; v++)
        {
            int o = v * _spins;
            SpinKernelsBackward.ScaleComplex<T>(_lx.AsSpan(o, _spins), _ly.AsSpan(o, _spins), _lr.AsSpan(o, _spins), _li.AsSpan(o, _spins),
                T.CreateTruncating(_aRe[v]), T.CreateTruncating(-_aIm[v]));
            double t1 = _setup.Voxels.T1Seconds[first + v], e1 = Math.Exp(-duration / t1);
            double recovery = 0; // Σ λz·(1 − Mz₀)
            for (int j = o; j < o + _spins; j++)
            {
                double lz = double.CreateTruncating(_lz[j]);
                recovery += lz * (1 - double.CreateTruncating(_z0[j]));
                _lz[j] = T.CreateTruncating(lz * e1);
            }
            dDuration += recovery * e1 / t1;
            voxelGradients.T1[first + v] -= recovery * e1 * duration / (t1 * t1);
        }
        return dDuration;
    }

    private void PassesBackward(int r, int first, int count, double[] adjointRe, double[] adjointIm, double longitudinal,
        PassGradients passes, SimulationGradients voxelGradients)
    {
        CompiledSequence seq = _setup.Sequence;
        var voxels = _setup.Voxels;
        int coils = _setup.CoilCount, start = seq.PassStart[r];
        ReadOnlySpan<T> omega = _setup.LorentzFrequency;
        Isochromats iso = _setup.Isochromats;
        for (int p = seq.PassStart[r + 1] - 1; p >= start; p--)
        {
            Pass pass = seq.Passes[p];
            Signature g = seq.Signatures[pass.SignatureId];
            int h = (p - start) * _maxVoxels;
            (double adcSin, double adcCos) = Math.SinCos(pass.AdcPhase);
            Array.Clear(_isochromatPhi);
            double dTau = longitudinal, dX = 0, dY = 0, dZ = 0, dAdc = 0;
            for (int v = 0; v < count; v++)
            {
                int i = first + v, o = v * _spins;
                double aRe = _historyRe[h + v], aIm = _historyIm[h + v];
                if (pass.IsSample)
                {
                    // direct term: s_c = e^{iφ}·W_c·A·ΣZ ⇒ ∂L/∂Z += conj(e^{iφ}·W_c·A)·ḡ_c
                    double gRe = 0, gIm = 0;
                    for (int c = 0; c < coils; c++)
                    {
                        Complex w = _setup.ReceiveWeight[i * coils + c] * new Complex(aRe * adcCos - aIm * adcSin, aRe * adcSin + aIm * adcCos);
                        double ar = adjointRe[pass.Sample * coils + c], ai = adjointIm[pass.Sample * coils + c];
                        gRe += w.Real * ar + w.Imaginary * ai;
                        gIm += w.Real * ai - w.Imaginary * ar;
                    }
                    SpinKernelsBackward.AddScalar<T>(_lr.AsSpan(o, _spins), _li.AsSpan(o, _spins), T.CreateTruncating(gRe), T.CreateTruncating(gIm));
                }
                int b = _setup.PhaseOffset(pass.SignatureId, i);
                PassSums sums = SpinKernelsBackward.Step<T>(_mx.AsSpan(o, _spins), _my.AsSpan(o, _spins), _lr.AsSpan(o, _spins), _li.AsSpan(o, _spins),
                    _setup.PhaseRe.AsSpan(b, _spins), _setup.PhaseIm.AsSpan(b, _spins), omega, _isochromatPhi);

                double t2 = voxels.T2Seconds[i];
                double inverseT2Prime = _setup.InverseT2Prime[_setup.T2PrimeClass[i]];
                dTau += -sums.Psi / t2 - 2 * Math.PI * voxels.B0Hertz[i] * sums.Phi - inverseT2Prime * sums.OmegaPhi;
                dX += voxels.PositionXMeters[i] * sums.Phi;
                dY += voxels.PositionYMeters[i] * sums.Phi;
                dZ += voxels.PositionZMeters[i] * sums.Phi;
                voxelGradients.T2[i] += g.DurationSeconds / (t2 * t2) * sums.Psi;
                voxelGradients.B0[i] += -2 * Math.PI * g.DurationSeconds * sums.Phi;
                if (!pass.IsSample) continue;

                // PD and receiver phase: s_c = e^{iφ}·PD·coil_c·A·ΣZ/S
                Complex q = new Complex(aRe * adcCos - aIm * adcSin, aRe * adcSin + aIm * adcCos) * new Complex(sums.ZRe, sums.ZIm) / _spins;
                for (int c = 0; c < coils; c++)
                {
                    Complex qc = q * voxels.CoilSensitivities[c][i];
                    double ar = adjointRe[pass.Sample * coils + c], ai = adjointIm[pass.Sample * coils + c];
                    double re = ar * qc.Real + ai * qc.Imaginary;                  // Re(conj(ḡ)·q)
                    voxelGradients.ProtonDensity[i] += re;
                    dAdc += voxels.ProtonDensity[i] * (ar * -qc.Imaginary + ai * qc.Real); // Re(conj(ḡ)·i·PD·q)
                }
            }
            // intra-voxel part of the moment gradient: Σⱼ δrⱼ·Σᵥ Φᵥⱼ
            double isoX = 0, isoY = 0, isoZ = 0;
            for (int j = 0; j < _spins; j++)
            {
                double f = double.CreateTruncating(_isochromatPhi[j]);
                isoX += iso.OffsetX[j] * f; isoY += iso.OffsetY[j] * f; isoZ += iso.OffsetZ[j] * f;
            }
            passes.Duration[p] += dTau;
            passes.MomentX[p] += -2 * Math.PI * (dX + voxels.VoxelSizeXMeters * isoX);
            passes.MomentY[p] += -2 * Math.PI * (dY + voxels.VoxelSizeYMeters * isoY);
            passes.MomentZ[p] += -2 * Math.PI * (dZ + voxels.VoxelSizeZMeters * isoZ);
            passes.AdcPhase[p] += dAdc;
        }
    }

    /// <summary>Through m_after = R·m_before: ∂L/∂α = Σ λ·(n × m_after); ∂L/∂φ = Σ λ·(ẑ × m_after) − (Rᵀλ)·(ẑ × m_before);
    /// λ ← Rᵀλ for the previous repetition.</summary>
    private void PulseBackward(int r, int first, int count, PassGradients passes, SimulationGradients voxelGradients)
    {
        int n = count * _spins, o0 = r * n * 3;
        double alpha = _setup.Sequence.FlipAngle[r], phi = _setup.Sequence.Phase[r];
        double keptTransverse = SpoilsBefore(r) ? 0 : 1; // perfect spoiling zeroed M⊥ before this pulse
        for (int v = 0; v < count; v++)
        {
            int i = first + v;
            Complex b1 = _setup.Voxels.B1[i];
            (double sp, double cp) = Math.SinCos(phi + b1.Phase);
            Rotation3<T> m = _rotation[v];
            double dAlpha = 0, dPhi = 0;
            for (int j = v * _spins; j < (v + 1) * _spins; j++)
            {
                double lx = double.CreateTruncating(_lr[j]), ly = double.CreateTruncating(_li[j]), lz = double.CreateTruncating(_lz[j]);
                double ax = double.CreateTruncating(_u0r[j]), ay = double.CreateTruncating(_u0i[j]), az = double.CreateTruncating(_z0[j]);
                double bx = keptTransverse * double.CreateTruncating(_checkpoints[o0 + j]);
                double by = keptTransverse * double.CreateTruncating(_checkpoints[o0 + n + j]);
                dAlpha += lx * sp * az - ly * cp * az + lz * (cp * ay - sp * ax);
                double px = double.CreateTruncating(m.M00) * lx + double.CreateTruncating(m.M10) * ly + double.CreateTruncating(m.M20) * lz;
                double py = double.CreateTruncating(m.M01) * lx + double.CreateTruncating(m.M11) * ly + double.CreateTruncating(m.M21) * lz;
                double pz = double.CreateTruncating(m.M02) * lx + double.CreateTruncating(m.M12) * ly + double.CreateTruncating(m.M22) * lz;
                dPhi += (-lx * ay + ly * ax) - (-px * by + py * bx);
                _lx[j] = T.CreateTruncating(px); _ly[j] = T.CreateTruncating(py); _lz[j] = T.CreateTruncating(pz);
            }
            passes.FlipAngle[r] += b1.Magnitude * dAlpha;
            passes.Phase[r] += dPhi;
            voxelGradients.B1Magnitude[i] += alpha * dAlpha;
            voxelGradients.B1Phase[i] += dPhi;
        }
        if (SpoilsBefore(r))
        {
            // M⊥ was set to zero before this pulse: nothing flows back into it
            Array.Clear(_lx, 0, n);
            Array.Clear(_ly, 0, n);
        }
    }
}

/// <summary>Gradients per pass and per repetition of one chunk, reduced over chunks in a fixed order.</summary>
internal sealed class PassGradients(int passes, int repetitions)
{
    public double[] Duration { get; } = new double[passes];
    public double[] MomentX { get; } = new double[passes];
    public double[] MomentY { get; } = new double[passes];
    public double[] MomentZ { get; } = new double[passes];
    public double[] AdcPhase { get; } = new double[passes];
    public double[] FlipAngle { get; } = new double[repetitions];
    public double[] Phase { get; } = new double[repetitions];

    public void Clear()
    {
        Array.Clear(Duration); Array.Clear(MomentX); Array.Clear(MomentY); Array.Clear(MomentZ); Array.Clear(AdcPhase);
        Array.Clear(FlipAngle); Array.Clear(Phase);
    }
}
