using System.Numerics;

namespace SeqZero.Phantoms;

/// <summary>Phantoms that need no files: a procedural axial brain slice and a uniform disk, at any matrix size.</summary>
public static class BuiltInPhantoms
{
    private const int Supersampling = 4; // sub-samples per voxel edge for partial-volume fractions

    /// <summary>Names accepted by <see cref="Create"/> (as "builtin:NAME").</summary>
    public static IReadOnlyList<string> Names { get; } = ["brain", "sphere"];

    public static VoxelPhantom Create(string name, int matrix, double fovMeters = 0.2) => name switch
    {
        "brain" => Brain(matrix, fovMeters),
        "sphere" => Sphere(matrix, fovMeters),
        _ => throw new PhantomException($"builtin:{name}", "name", $"unknown built-in phantom; choose one of {string.Join(", ", Names)}."),
    };

    /// <summary>An axial brain slice: CSF rim, folded cortical GM, WM, deep GM nuclei, ventricles and a midline fissure,
    /// with tissue values of <see cref="Tissue"/>, partial volumes in PD, a gentle quadratic B0 (±~10 Hz) and a B1 that
    /// falls 10 % from centre to edge. Labels by majority tissue; PD by fraction.</summary>
    public static VoxelPhantom Brain(int matrix, double fovMeters = 0.2)
    {
        RequireSize(matrix, fovMeters, "builtin:brain");
        double voxel = fovMeters / matrix;
        var p = new VoxelPhantom(matrix, matrix, voxel, voxel, 5e-3, "builtin:brain");
        Tissue[] tissues = [Tissue.GrayMatter, Tissue.WhiteMatter, Tissue.Csf];
        Span<double> fraction = stackalloc double[3];
        for (int y = 0; y < matrix; y++)
        for (int x = 0; x < matrix; x++)
        {
            fraction.Clear();
            for (int sy = 0; sy < Supersampling; sy++)
            for (int sx = 0; sx < Supersampling; sx++)
            {
                // normalised coordinates: u, v ∈ [−1, 1] across the field of view
                double u = 2 * (p.PositionX(x) + (sx + 0.5 - Supersampling / 2.0) / Supersampling * voxel) / fovMeters;
                double v = 2 * (p.PositionY(y) + (sy + 0.5 - Supersampling / 2.0) / Supersampling * voxel) / fovMeters;
                int label = BrainLabel(u, v);
                if (label >= 0) fraction[label] += 1.0 / (Supersampling * Supersampling);
            }
            int i = p.Index(x, y);
            double total = fraction[0] + fraction[1] + fraction[2];
            if (total == 0) continue;
            int major = fraction[0] >= fraction[1] ? (fraction[0] >= fraction[2] ? 0 : 2) : (fraction[1] >= fraction[2] ? 1 : 2);
            Tissue t = tissues[major];
            p.ProtonDensity[i] = fraction[0] * tissues[0].ProtonDensity + fraction[1] * tissues[1].ProtonDensity + fraction[2] * tissues[2].ProtonDensity;
            p.T1Seconds[i] = t.T1Seconds;
            p.T2Seconds[i] = t.T2Seconds;
            p.T2PrimeSeconds[i] = t.T2PrimeSeconds;
            p.DiffusionSquareMetersPerSecond[i] = t.DiffusionSquareMetersPerSecond;
            double un = 2 * p.PositionX(x) / fovMeters, vn = 2 * p.PositionY(y) / fovMeters;
            p.B0Hertz[i] = 12 * (un * un - vn * vn) + 4 * vn;
            p.B1[i] = new Complex(1.05 - 0.1 * (un * un + vn * vn), 0);
        }
        return p;
    }

    /// <summary>Tissue at normalised position (u, v): 0 GM, 1 WM, 2 CSF, −1 background.</summary>
    internal static int BrainLabel(double u, double v)
    {
        double r = Math.Sqrt(Sq(u / 0.74) + Sq(v / 0.9));
        if (r > 1) return -1;
        double theta = Math.Atan2(v, u);
        double cortexOuter = 0.94 + 0.025 * Math.Sin(11 * theta);                 // sulci reach into the CSF rim
        if (r > cortexOuter) return 2;                                          // subarachnoid CSF
        if (Math.Abs(u) < 0.02 && v > 0.25) return 2;                           // interhemispheric fissure
        double cortexInner = 0.80 + 0.05 * Math.Sin(11 * theta + 0.7) + 0.02 * Math.Sin(5 * theta);
        if (r > cortexInner) return 0;                                          // cortical grey matter
        if (Sq((Math.Abs(u) - 0.1) / 0.07) + Sq((v - 0.05) / 0.28) < 1) return 2; // lateral ventricles
        if (Sq((Math.Abs(u) - 0.23) / 0.1) + Sq((v + 0.12) / 0.14) < 1) return 0; // thalamus / basal ganglia
        return 1;                                                               // white matter
    }

    /// <summary>A uniform disk of radius 0.4·FOV with T1 = 1 s, T2 = 100 ms, T2' = 50 ms, PD = 1 (partial volume at its edge).</summary>
    public static VoxelPhantom Sphere(int matrix, double fovMeters = 0.2)
    {
        RequireSize(matrix, fovMeters, "builtin:sphere");
        double voxel = fovMeters / matrix;
        var p = new VoxelPhantom(matrix, matrix, voxel, voxel, 5e-3, "builtin:sphere");
        double radius = 0.4 * fovMeters;
        for (int y = 0; y < matrix; y++)
        for (int x = 0; x < matrix; x++)
        {
            int inside = 0;
            for (int sy = 0; sy < Supersampling; sy++)
            for (int sx = 0; sx < Supersampling; sx++)
            {
                double px = p.PositionX(x) + (sx + 0.5 - Supersampling / 2.0) / Supersampling * voxel;
                double py = p.PositionY(y) + (sy + 0.5 - Supersampling / 2.0) / Supersampling * voxel;
                if (px * px + py * py <= radius * radius) inside++;
            }
            int i = p.Index(x, y);
            p.ProtonDensity[i] = inside / (double)(Supersampling * Supersampling);
            p.T1Seconds[i] = 1.0; p.T2Seconds[i] = 0.1; p.T2PrimeSeconds[i] = 0.05;
        }
        return p;
    }

    private static void RequireSize(int matrix, double fovMeters, string source)
    {
        if (matrix < 1 || matrix > 4096) throw new PhantomException(source, "matrix", $"{matrix} must be between 1 and 4096.");
        if (!(fovMeters > 0) || !double.IsFinite(fovMeters)) throw new PhantomException(source, "fov", $"{fovMeters} m must be positive.");
    }

    private static double Sq(double a) => a * a;
}
