using PureHDF.VOL.Native;

namespace SeqZero.Phantoms.Loaders;

/// <summary>Loads a KomaMRI phantom stored as flat HDF5 datasets at the root, one value per spin: x, y, z [m], ρ,
/// T1, T2, T2s (= T2*) [s], Δw [rad/s]. z, T2s and Δw are optional (0, +∞, 0 as in Koma). Conversions, once:
/// T2' = 1/(1/T2* − 1/T2) s (+∞ when T2* ≥ T2), ΔB0 = Δw/2π Hz (Koma's spins precess as e^{−iΔw·t}, SeqZero's as
/// e^{−i2π·ΔB0·t}).</summary>
public static class KomaPhantomLoader
{
    public static SpinPhantom Load(string path)
    {
        using NativeFile file = Hdf5Datasets.Open(path);
        double[] x = Hdf5Datasets.Read(file, path, "x").Values;
        int n = x.Length;
        double[] y = Hdf5Datasets.ReadVector(file, path, "y", n, "x");
        double[] z = Optional(file, path, "z", n, 0);
        double[] pd = Hdf5Datasets.ReadVector(file, path, "ρ", n, "x");
        double[] t1 = Hdf5Datasets.ReadVector(file, path, "T1", n, "x");
        double[] t2 = Hdf5Datasets.ReadVector(file, path, "T2", n, "x");
        double[] t2Star = Optional(file, path, "T2s", n, double.PositiveInfinity);
        double[] dw = Optional(file, path, "Δw", n, 0);
        foreach ((string name, double[] values) in new[] { ("x", x), ("y", y), ("z", z), ("ρ", pd), ("T1", t1), ("T2", t2), ("Δw", dw) })
            LoaderChecks.RequireFinite(path, name, values);
        LoaderChecks.RequireFinite(path, "T2s", t2Star, allowInfinity: true);

        var spins = new SpinPhantom(n, path);
        x.CopyTo(spins.XMeters, 0);
        y.CopyTo(spins.YMeters, 0);
        z.CopyTo(spins.ZMeters, 0);
        pd.CopyTo(spins.ProtonDensity, 0);
        t1.CopyTo(spins.T1Seconds, 0);
        t2.CopyTo(spins.T2Seconds, 0);
        for (int i = 0; i < n; i++)
        {
            if (!(t2Star[i] > 0)) throw new PhantomException(path, "T2s", $"spin {i}: {t2Star[i]} s must be positive.");
            spins.T2PrimeSeconds[i] = t2Star[i] >= t2[i] ? double.PositiveInfinity : 1 / (1 / t2Star[i] - 1 / t2[i]);
            spins.B0Hertz[i] = dw[i] / (2 * Math.PI);
        }
        spins.Validate();
        return spins;
    }

    private static double[] Optional(NativeFile file, string path, string name, int count, double fill)
    {
        if (file.LinkExists(name)) return Hdf5Datasets.ReadVector(file, path, name, count, "x");
        double[] values = new double[count];
        Array.Fill(values, fill);
        return values;
    }
}
