using System.Numerics;

namespace SeqZero.Simulation;

/// <summary>Reverse mode for one chunk of voxels. The state before every pulse is checkpointed during a forward sweep;
/// going backwards, each repetition is recomputed from its checkpoint (memory: checkpoints + one repetition's voxel
/// factors). Within a repetition M⊥ₚ = Aₚ·Zₚ with Zₚ = Zₚ₋₁·bₚ; the adjoint Λₚ = ∂L/∂Zₚ runs backwards as
/// Λₚ₋₁ = conj(bₚ)·Λₚ + (direct terms), and a parameter that turns the phase of pass p by δθ changes L by Φₚ·δθ,
/// Φ = Re(conj(Λ)·iZ) = Λi·Zr − Λr·Zi; one that scales its magnitude by (1 + δ) changes L by Ψₚ·δ,
/// Ψ = Re(conj(Λ)·Z) = Λr·Zr + Λi·Zi. Zₚ₋₁ = Zₚ·conj(bₚ) since |bₚ| = 1.</summary>
internal sealed partial class ChunkWorkspace<T, TV>
{
    private T[] _checkpoints = [];
    private T[] _u0r = [], _u0i = [], _z0 = [];     // state right after the pulse
    private T[] _lr = [], _li = [];                 // Λ during the repetition
    private T[] _lx = [], _ly = [], _lz = [];       // ∂L/∂m at the end of a repetition / before its pulse
    private T[] _historyRe = [], _historyIm = [];   // A of every pass of the current repetition, [pass][lane]
    private T[] _phi = [], _psi = [], _omegaPhi = [], _sumRe = [], _sumIm = []; // per-lane sums of the current pass
    private TV[] _isochromatPhi = [];        // Σ over voxels of Φ per isochromat, one vector each
    private T[] _accT2 = [], _accB0 = [], _accD = [], _accPd = []; // per-lane map-gradient sums over all passes of the chunk

    private void AllocateGradientBuffers(int lanes)
    {
        CompiledSequence seq = _setup.Sequence;
        int n = lanes * _spins;
        long checkpointLength = (long)seq.RepetitionCount * n * 3;
        if (checkpointLength > Array.MaxLength)
            throw new InsufficientMemoryException($"Checkpoints of {seq.RepetitionCount} repetitions × {n} spins exceed one array; use fewer spins per chunk.");
        _checkpoints = new T[checkpointLength];
        _u0r = new T[n]; _u0i = new T[n]; _z0 = new T[n];
        _lr = new T[n]; _li = new T[n]; _lx = new T[n]; _ly = new T[n]; _lz = new T[n];
        int maxPasses = 0;
        for (int r = 0; r < seq.RepetitionCount; r++) maxPasses = Math.Max(maxPasses, seq.PassStart[r + 1] - seq.PassStart[r]);
        _historyRe = new T[maxPasses * lanes]; _historyIm = new T[maxPasses * lanes];
        _phi = new T[lanes]; _psi = new T[lanes]; _omegaPhi = new T[lanes]; _sumRe = new T[lanes]; _sumIm = new T[lanes];
        _isochromatPhi = new TV[_spins];
        _accT2 = new T[lanes]; _accB0 = new T[lanes]; _accD = new T[lanes]; _accPd = new T[lanes];
    }

    private void RecordFactors(int localPass)
    {
        Array.Copy(_aRe, 0, _historyRe, localPass * Lanes, Lanes);
        Array.Copy(_aIm, 0, _historyIm, localPass * Lanes, Lanes);
    }

    /// <summary>Adds ∂L/∂(parameters) of voxels Order[first … first + count) for the signal adjoint ḡ =
    /// <paramref name="adjointRe"/> + i·<paramref name="adjointIm"/> (∂L/∂Re s + i·∂L/∂Im s, sample-major, coil inner).
    /// Pass and pulse gradients go into <paramref name="passes"/>; voxel gradients into <paramref name="voxelGradients"/>
    /// (each chunk writes only its own voxels).</summary>
    public void Backward(int first, int count, double[] adjointRe, double[] adjointIm, PassGradients passes, SimulationGradients voxelGradients)
    {
        CompiledSequence seq = _setup.Sequence;
        _lanes.Load(_setup, first, count);
        int n = Lanes * _spins;

        // forward sweep, keeping the state before each pulse
        Reset();
        for (int r = 0; r < seq.RepetitionCount; r++)
        {
            Array.Copy(_mx, 0, _checkpoints, (long)r * 3 * n, n);
            Array.Copy(_my, 0, _checkpoints, (long)r * 3 * n + n, n);
            Array.Copy(_mz, 0, _checkpoints, (long)r * 3 * n + 2 * n, n);
            ApplyPulse(r);
            RunRepetition(r, null, null, recordFactors: false);
            FinishRepetition(r);
        }

        Array.Clear(_lx, 0, n); Array.Clear(_ly, 0, n); Array.Clear(_lz, 0, n);
        Array.Clear(_accT2); Array.Clear(_accB0); Array.Clear(_accD); Array.Clear(_accPd);
        for (int r = seq.RepetitionCount - 1; r >= 0; r--)
        {
            Array.Copy(_checkpoints, (long)r * 3 * n, _mx, 0, n);
            Array.Copy(_checkpoints, (long)r * 3 * n + n, _my, 0, n);
            Array.Copy(_checkpoints, (long)r * 3 * n + 2 * n, _mz, 0, n);
            ApplyPulse(r);
            Array.Copy(_mx, _u0r, n); Array.Copy(_my, _u0i, n); Array.Copy(_mz, _z0, n);
            RunRepetition(r, null, null, recordFactors: true);
            double longitudinal = EndOfRepetitionAdjoint(r, voxelGradients);
            PassesBackward(r, adjointRe, adjointIm, longitudinal, passes, voxelGradients);
            PulseBackward(r, passes, voxelGradients);
        }

        // map gradients: ∂L/∂T2 = Σ τ·Ψ/T2², ∂L/∂ΔB0 = −2π·Σ τ·Φ, ∂L/∂D = −Σ b·Ψ, ∂L/∂PD = Σ Re(conj(ḡ)·q)
        for (int l = 0; l < _lanes.Count; l++)
        {
            int i = _lanes.Index[l];
            double inverseT2 = 1 / _lanes.T2[l];
            voxelGradients.T2[i] += double.CreateTruncating(_accT2[l]) * inverseT2 * inverseT2;
            voxelGradients.B0[i] += -2 * Math.PI * double.CreateTruncating(_accB0[l]);
            voxelGradients.Diffusion[i] -= double.CreateTruncating(_accD[l]);
            voxelGradients.ProtonDensity[i] += double.CreateTruncating(_accPd[l]);
        }
    }

    /// <summary>From λ = ∂L/∂m at the repetition's end: Λ = conj(A)·(λx + iλy); λz ← E1·λz. Returns ∂L/∂T of the
    /// repetition's duration through Mz_end = 1 + (Mz₀ − 1)·E1, E1 = e^{−T/T1}, and adds ∂L/∂T1.</summary>
    private double EndOfRepetitionAdjoint(int r, SimulationGradients voxelGradients)
    {
        double duration = _setup.Sequence.RepetitionDuration[r];
        int n = Lanes * _spins;
        double dDuration = 0;
        RelaxationFactors(r);
        for (int l = 0; l < Lanes; l += Width)
        {
            TV ar = Load(_aRe, l), ai = Load(_aIm, l), e1 = Load(_e1, l), recovery = TV.Zero;
            for (int o = l; o < n; o += Lanes)
            {
                TV x = Load(_lx, o), y = Load(_ly, o), z = Load(_lz, o);
                Store(ar * x + ai * y, _lr, o);   // conj(A)·(λx + iλy)
                Store(ar * y - ai * x, _li, o);
                recovery += z * (TV.One - Load(_z0, o));
                Store(z * e1, _lz, o);
            }
            for (int w = 0; w < Width && l + w < _lanes.Count; w++)
            {
                double t1 = _lanes.T1[l + w], rec = double.CreateTruncating(TV.Lane(recovery, w)), e = double.CreateTruncating(_e1[l + w]);
                dDuration += rec * e / t1;
                voxelGradients.T1[_lanes.Index[l + w]] -= rec * e * duration / (t1 * t1);
            }
        }
        return dDuration;
    }

    private void PassesBackward(int r, double[] adjointRe, double[] adjointIm, double longitudinal, PassGradients passes,
        SimulationGradients voxelGradients)
    {
        CompiledSequence seq = _setup.Sequence;
        Isochromats iso = _setup.Isochromats;
        var voxels = _setup.Voxels;
        int coils = _setup.CoilCount, start = seq.PassStart[r];
        for (int p = seq.PassStart[r + 1] - 1; p >= start; p--)
        {
            Pass pass = seq.Passes[p];
            Signature g = seq.Signatures[pass.SignatureId];
            int h = (p - start) * Lanes;
            (double adcSin, double adcCos) = Math.SinCos(pass.AdcPhase);
            Array.Clear(_isochromatPhi);
            for (int k = 0; k < Lanes / Width; k++)
                StepBack(pass, k, h, adcSin, adcCos, adjointRe, adjointIm);

            (double dTau, double dX, double dY, double dZ, double dB) = LaneSums(g.DurationSeconds, _setup.Diffusion?.PassB[p] ?? 0);
            dTau += longitudinal;
            double dAdc = pass.IsSample ? ReceiverGradients(pass, h, adcSin, adcCos, adjointRe, adjointIm) : 0;

            // intra-voxel part of the moment gradient: Σⱼ δrⱼ·Σᵥ Φᵥⱼ
            double isoX = 0, isoY = 0, isoZ = 0;
            for (int j = 0; j < _spins; j++)
            {
                double f = double.CreateTruncating(TV.Sum(_isochromatPhi[j]));
                isoX += iso.OffsetX[j] * f; isoY += iso.OffsetY[j] * f; isoZ += iso.OffsetZ[j] * f;
            }
            passes.Duration[p] += dTau;
            passes.MomentX[p] += -2 * Math.PI * (dX + voxels.VoxelSizeXMeters * isoX);
            passes.MomentY[p] += -2 * Math.PI * (dY + voxels.VoxelSizeYMeters * isoY);
            passes.MomentZ[p] += -2 * Math.PI * (dZ + voxels.VoxelSizeZMeters * isoZ);
            passes.AdcPhase[p] += dAdc;
            passes.DiffusionB[p] += dB;
        }
    }

    /// <summary>One fused pass over the lanes (padding lanes hold zeros): ∂L/∂τ = −Σ Ψ/T2 − 2π·Σ ΔB0·Φ − Σ ωΦ/T2',
    /// ∂L/∂(x, y, z) sums Σ r·Φ, ∂L/∂b = −Σ D·Ψ; accumulates τ·Ψ, τ·Φ and b·Ψ per lane for the map gradients.</summary>
    private (double Tau, double X, double Y, double Z, double B) LaneSums(double tauSeconds, double b)
    {
        TV tau = TV.Create(Of(tauSeconds)), bValue = TV.Create(Of(b));
        TV dTauT2 = TV.Zero, dTauB0 = TV.Zero, dTauT2Prime = TV.Zero, dX = TV.Zero, dY = TV.Zero, dZ = TV.Zero, dB = TV.Zero;
        for (int l = 0; l < Lanes; l += Width)
        {
            TV phi = Load(_phi, l), psi = Load(_psi, l);
            dTauT2 += psi * Load(_lanes.InverseT2T, l);
            dTauB0 += phi * Load(_lanes.B0T, l);
            dTauT2Prime += Load(_omegaPhi, l) * Load(_lanes.InverseT2PrimeT, l);
            dX += phi * Load(_lanes.XT, l); dY += phi * Load(_lanes.YT, l); dZ += phi * Load(_lanes.ZT, l);
            dB += psi * Load(_lanes.DiffusionT, l);
            Store(Load(_accT2, l) + tau * psi, _accT2, l);
            Store(Load(_accB0, l) + tau * phi, _accB0, l);
            Store(Load(_accD, l) + bValue * psi, _accD, l);
        }
        double Sum(TV v) => double.CreateTruncating(TV.Sum(v));
        return (-Sum(dTauT2) - 2 * Math.PI * Sum(dTauB0) - Sum(dTauT2Prime), Sum(dX), Sum(dY), Sum(dZ), -Sum(dB));
    }

    /// <summary>PD and receiver phase at a sample: s_c = e^{iφ}·PD·coil_c·A·ΣZ/S, so with q = e^{iφ}·A·ΣZ/S per lane,
    /// ∂L/∂PD += Σ_c Re(conj(ḡ_c)·coil_c·q) (accumulated per lane) and ∂L/∂φ = Σ PD·Σ_c Re(conj(ḡ_c)·i·coil_c·q) (returned).</summary>
    private double ReceiverGradients(Pass pass, int h, double adcSin, double adcCos, double[] adjointRe, double[] adjointIm)
    {
        int coils = _setup.CoilCount;
        TV cosAdc = TV.Create(Of(adcCos)), sinAdc = TV.Create(Of(adcSin)), perSpin = TV.Create(Of(1.0 / _spins));
        TV dAdc = TV.Zero;
        for (int l = 0; l < Lanes; l += Width)
        {
            TV ar = Load(_historyRe, h + l), ai = Load(_historyIm, h + l), sr = Load(_sumRe, l), si = Load(_sumIm, l);
            TV er = ar * cosAdc - ai * sinAdc, ei = ar * sinAdc + ai * cosAdc;
            TV qr = (er * sr - ei * si) * perSpin, qi = (er * si + ei * sr) * perSpin;
            TV pd = TV.Zero, phase = TV.Zero;
            for (int c = 0; c < coils; c++)
            {
                TV cr = Load(_lanes.CoilRe[c], l), ci = Load(_lanes.CoilIm[c], l);
                TV qcr = qr * cr - qi * ci, qci = qr * ci + qi * cr;
                TV gr = TV.Create(Of(adjointRe[pass.Sample * coils + c])), gi = TV.Create(Of(adjointIm[pass.Sample * coils + c]));
                pd += gr * qcr + gi * qci;
                phase += gi * qcr - gr * qci;
            }
            Store(Load(_accPd, l) + pd, _accPd, l);
            dAdc += Load(_lanes.ProtonDensityT, l) * phase;
        }
        return double.CreateTruncating(TV.Sum(dAdc));
    }

    /// <summary>One pass backwards for vector k: adds the sample's direct term to Λ, accumulates Φ, Ψ, ωΦ and ΣZ per
    /// lane and Φ per isochromat, then steps Z and Λ back through conj(b).</summary>
    private void StepBack(Pass pass, int k, int h, double adcSin, double adcCos, double[] adjointRe, double[] adjointIm)
    {
        int l = k * Width, n = Lanes * _spins, coils = _setup.CoilCount;
        TV gRe = TV.Zero, gIm = TV.Zero;
        if (pass.IsSample)
        {
            // s_c = e^{iφ}·W_c·A·ΣZ ⇒ ∂L/∂Zⱼ += conj(e^{iφ}·W_c·A)·ḡ_c
            TV ar = Load(_historyRe, h + l), ai = Load(_historyIm, h + l);
            TV cosAdc = TV.Create(Of(adcCos)), sinAdc = TV.Create(Of(adcSin));
            TV er = ar * cosAdc - ai * sinAdc, ei = ar * sinAdc + ai * cosAdc;
            for (int c = 0; c < coils; c++)
            {
                TV wr0 = Load(_lanes.WeightRe[c], l), wi0 = Load(_lanes.WeightIm[c], l);
                TV wr = wr0 * er - wi0 * ei, wi = wr0 * ei + wi0 * er;
                TV gr = TV.Create(Of(adjointRe[pass.Sample * coils + c])), gi = TV.Create(Of(adjointIm[pass.Sample * coils + c]));
                gRe += wr * gr + wi * gi;
                gIm += wr * gi - wi * gr;
            }
        }
        int cls = _lanes.VectorClass[k];
        int b = cls >= 0 ? _setup.PhaseOffset(pass.SignatureId, cls) : 0;
        TV phi = TV.Zero, psi = TV.Zero, omegaPhi = TV.Zero, sumRe = TV.Zero, sumIm = TV.Zero;
        for (int j = 0, o = l; o < n; j++, o += Lanes)
        {
            (TV br, TV bi) = cls >= 0
                ? (TV.Create(_setup.PhaseRe[b + j]), TV.Create(_setup.PhaseIm[b + j]))
                : Gather(pass.SignatureId, l, j);
            TV zr = Load(_mx, o), zi = Load(_my, o);
            TV lr = Load(_lr, o) + gRe, li = Load(_li, o) + gIm;
            TV f = li * zr - lr * zi;
            phi += f;
            psi += lr * zr + li * zi;
            omegaPhi += TV.Create(_setup.LorentzFrequency[j]) * f;
            _isochromatPhi[j] += f;
            sumRe += zr; sumIm += zi;
            Store(zr * br + zi * bi, _mx, o);
            Store(zi * br - zr * bi, _my, o);
            Store(lr * br + li * bi, _lr, o);
            Store(li * br - lr * bi, _li, o);
        }
        Store(phi, _phi, l); Store(psi, _psi, l); Store(omegaPhi, _omegaPhi, l); Store(sumRe, _sumRe, l); Store(sumIm, _sumIm, l);
    }

    /// <summary>Through m_after = R·m_before: ∂L/∂α = Σ λ·(n × m_after) with n = (cos φ, sin φ, 0);
    /// ∂L/∂φ = Σ λ·(ẑ × m_after) − (Rᵀλ)·(ẑ × m_before); then λ ← Rᵀλ for the previous repetition.</summary>
    private void PulseBackward(int r, PassGradients passes, SimulationGradients voxelGradients)
    {
        int n = Lanes * _spins;
        long o0 = (long)r * 3 * n;
        double alpha0 = _setup.Sequence.FlipAngle[r];
        T keptTransverse = SpoilsBefore(r) ? T.Zero : T.One; // perfect spoiling zeroed M⊥ before this pulse
        for (int l = 0; l < Lanes; l += Width)
        {
            TV r00 = Load(_rotation[0], l), r01 = Load(_rotation[1], l), r02 = Load(_rotation[2], l);
            TV r10 = Load(_rotation[3], l), r11 = Load(_rotation[4], l), r12 = Load(_rotation[5], l);
            TV r20 = Load(_rotation[6], l), r21 = Load(_rotation[7], l), r22 = Load(_rotation[8], l);
            TV sp = TV.Zero, cp = TV.Zero;
            for (int w = 0; w < Width; w++) { _gatherRe[w] = Of(_axisSin[l + w]); _gatherIm[w] = Of(_axisCos[l + w]); }
            sp = Load(_gatherRe, 0); cp = Load(_gatherIm, 0);
            TV dAlpha = TV.Zero, dPhi = TV.Zero, kept = TV.Create(keptTransverse);
            for (int o = l; o < n; o += Lanes)
            {
                TV lx = Load(_lr, o), ly = Load(_li, o), lz = Load(_lz, o);
                TV ax = Load(_u0r, o), ay = Load(_u0i, o), az = Load(_z0, o);
                TV bx = kept * TV.Load(_checkpoints, o0 + o);
                TV by = kept * TV.Load(_checkpoints, o0 + n + o);
                dAlpha += lx * sp * az - ly * cp * az + lz * (cp * ay - sp * ax);
                TV px = r00 * lx + r10 * ly + r20 * lz, py = r01 * lx + r11 * ly + r21 * lz, pz = r02 * lx + r12 * ly + r22 * lz;
                dPhi += (ly * ax - lx * ay) - (py * bx - px * by);
                Store(kept * px, _lx, o); Store(kept * py, _ly, o); Store(pz, _lz, o);
            }
            for (int w = 0; w < Width && l + w < _lanes.Count; w++)
            {
                int i = _lanes.Index[l + w];
                double da = double.CreateTruncating(TV.Lane(dAlpha, w)), dp = double.CreateTruncating(TV.Lane(dPhi, w));
                passes.FlipAngle[r] += _lanes.B1Magnitude[l + w] * da;
                passes.Phase[r] += dp;
                voxelGradients.B1Magnitude[i] += alpha0 * da;
                voxelGradients.B1Phase[i] += dp;
            }
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
    /// <summary>∂L/∂b per pass [m²/s].</summary>
    public double[] DiffusionB { get; } = new double[passes];
    public double[] FlipAngle { get; } = new double[repetitions];
    public double[] Phase { get; } = new double[repetitions];
}
