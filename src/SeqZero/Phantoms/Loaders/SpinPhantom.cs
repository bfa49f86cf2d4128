using System.Numerics;

namespace SeqZero.Phantoms.Loaders;

/// <summary>A list of spins at arbitrary positions (structure of arrays), as JEMRIS and Koma phantoms describe an object.
/// SI units throughout: positions [m], T1/T2/T2' [s] (T2' = +∞ for no reversible dephasing), off-resonance ΔB0 [Hz] with
/// M⊥ precessing as e^{−i2π·ΔB0·t}. File units are converted once by the loaders.</summary>
public sealed class SpinPhantom
{
    public SpinPhantom(int count, string source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Source = source;
        XMeters = new double[count];
        YMeters = new double[count];
        ZMeters = new double[count];
        ProtonDensity = new double[count];
        T1Seconds = new double[count];
        T2Seconds = new double[count];
        T2PrimeSeconds = new double[count];
        B0Hertz = new double[count];
        B1 = new Complex[count];
        Array.Fill(B1, Complex.One);
        CoilSensitivities = [new Complex[count]];
        Array.Fill(CoilSensitivities[0], Complex.One);
    }

    /// <summary>File the spins came from; used in error messages.</summary>
    public string Source { get; }
    public int Count => XMeters.Length;
    public double[] XMeters { get; }
    public double[] YMeters { get; }
    public double[] ZMeters { get; }
    /// <summary>Proton density, relative (equilibrium Mz of the spin).</summary>
    public double[] ProtonDensity { get; }
    public double[] T1Seconds { get; }
    public double[] T2Seconds { get; }
    /// <summary>Reversible dephasing time T2' [s]: 1/T2' = 1/T2* − 1/T2; +∞ when the file gives no T2* beyond T2.</summary>
    public double[] T2PrimeSeconds { get; }
    /// <summary>Off-resonance ΔB0 [Hz] (files give Δω in rad/s: ΔB0 = Δω/2π).</summary>
    public double[] B0Hertz { get; }
    /// <summary>Transmit field relative to nominal (complex): the RF a spin sees is γ̄B1(t)·B1. 1 unless a map says otherwise.</summary>
    public Complex[] B1 { get; }
    /// <summary>Receive sensitivity of each coil at each spin (one coil of sensitivity 1 unless set).</summary>
    public Complex[][] CoilSensitivities { get; private set; }
    public int CoilCount => CoilSensitivities.Length;

    /// <summary>Replaces the receive coils; every map needs one value per spin.</summary>
    public void SetCoilSensitivities(Complex[][] maps)
    {
        if (maps.Length == 0) throw new PhantomException(Source, "coil_sens", "at least one coil map is needed.");
        for (int c = 0; c < maps.Length; c++)
            if (maps[c].Length != Count) throw new PhantomException(Source, $"coil_sens[{c}]", $"has {maps[c].Length} values for {Count} spins.");
        CoilSensitivities = maps;
    }

    /// <summary>Checks every spin: finite position, PD and ΔB0; T1, T2 positive and finite; T2' positive (+∞ allowed).
    /// Throws <see cref="PhantomException"/> naming the first bad field and spin.</summary>
    public void Validate()
    {
        for (int i = 0; i < Count; i++)
        {
            if (!double.IsFinite(XMeters[i]) || !double.IsFinite(YMeters[i]) || !double.IsFinite(ZMeters[i]))
                Fail("position", i, $"({XMeters[i]}, {YMeters[i]}, {ZMeters[i]}) m is not finite");
            if (!double.IsFinite(ProtonDensity[i])) Fail("PD", i, $"{ProtonDensity[i]} is not a finite number");
            if (!(T1Seconds[i] > 0) || !double.IsFinite(T1Seconds[i])) Fail("T1", i, $"{T1Seconds[i]} s must be a positive number of seconds");
            if (!(T2Seconds[i] > 0) || !double.IsFinite(T2Seconds[i])) Fail("T2", i, $"{T2Seconds[i]} s must be a positive number of seconds");
            if (!(T2PrimeSeconds[i] > 0)) Fail("T2'", i, $"{T2PrimeSeconds[i]} s must be positive (+∞ for none)");
            if (!double.IsFinite(B0Hertz[i])) Fail("B0", i, $"{B0Hertz[i]} Hz is not a finite number");
            if (!double.IsFinite(B1[i].Real) || !double.IsFinite(B1[i].Imaginary)) Fail("B1", i, $"{B1[i]} is not a finite complex number");
        }
    }

    private void Fail(string field, int spin, string problem) => throw new PhantomException(Source, field, $"spin {spin}: {problem}.");
}
