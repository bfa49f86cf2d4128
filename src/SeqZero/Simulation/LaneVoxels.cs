using System.Numerics;

namespace SeqZero.Simulation;

/// <summary>The voxels of one chunk laid out for SIMD: lane l of a vector is voxel l of the chunk, so every loop over
/// voxels is a vector loop and per-voxel constants are plain vector loads. The chunk is padded to whole vectors with
/// silent voxels (no receive weight, no RF, no adjoint), which contribute nothing to signal or gradients.</summary>
internal sealed class LaneVoxels<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public LaneVoxels(int capacity, int coils, int width)
    {
        Capacity = capacity;
        Width = width;
        Index = new int[capacity];
        Class = new int[capacity];
        VectorClass = new int[capacity / width];
        X = new double[capacity]; Y = new double[capacity]; Z = new double[capacity]; B0 = new double[capacity];
        T1 = new double[capacity]; T2 = new double[capacity]; D = new double[capacity]; DiffusionT = new T[capacity]; B1Magnitude = new double[capacity]; B1Phase = new double[capacity];
        WeightRe = new T[coils][]; WeightIm = new T[coils][];
        CoilRe = new T[coils][]; CoilIm = new T[coils][];
        for (int c = 0; c < coils; c++)
        {
            WeightRe[c] = new T[capacity]; WeightIm[c] = new T[capacity];
            CoilRe[c] = new T[capacity]; CoilIm[c] = new T[capacity];
        }
        InverseT2T = new T[capacity]; InverseT2PrimeT = new T[capacity]; B0T = new T[capacity];
        XT = new T[capacity]; YT = new T[capacity]; ZT = new T[capacity]; ProtonDensityT = new T[capacity];
    }

    public int Capacity { get; }
    /// <summary>Lanes per SIMD vector.</summary>
    public int Width { get; }
    /// <summary>Lanes in use, padded to whole vectors.</summary>
    public int Lanes { get; private set; }
    /// <summary>Real voxels (the rest of the lanes are padding).</summary>
    public int Count { get; private set; }
    /// <summary>Voxel index in the <see cref="SeqZero.Phantoms.VoxelSet"/> per lane; −1 for padding.</summary>
    public int[] Index { get; }
    public int[] Class { get; }
    /// <summary>T2' class shared by all lanes of vector i, or −1 when they differ.</summary>
    public int[] VectorClass { get; }
    public double[] X { get; }
    public double[] Y { get; }
    public double[] Z { get; }
    public double[] B0 { get; }
    public double[] T1 { get; }
    public double[] T2 { get; }
    /// <summary>Diffusion coefficient [m²/s].</summary>
    public double[] D { get; }
    /// <summary><see cref="D"/> in the engine's precision, for vectorised attenuation.</summary>
    public T[] DiffusionT { get; }
    public double[] B1Magnitude { get; }
    public double[] B1Phase { get; }
    /// <summary>Per-lane constants in the engine's precision, for vectorised gradient sums (zero on padding lanes).</summary>
    public T[] InverseT2T { get; }
    public T[] InverseT2PrimeT { get; }
    public T[] B0T { get; }
    public T[] XT { get; }
    public T[] YT { get; }
    public T[] ZT { get; }
    public T[] ProtonDensityT { get; }
    /// <summary>Coil sensitivity per coil and lane (without PD).</summary>
    public T[][] CoilRe { get; }
    public T[][] CoilIm { get; }
    /// <summary>PD·coil/S per coil and lane.</summary>
    public T[][] WeightRe { get; }
    public T[][] WeightIm { get; }

    /// <summary>Fills the lanes with voxels Order[first … first + count) of the setup.</summary>
    public void Load(EngineSetup<T> setup, int first, int count)
    {
        int width = Width;
        Count = count;
        Lanes = (count + width - 1) / width * width;
        var v = setup.Voxels;
        for (int l = 0; l < Lanes; l++)
        {
            bool real = l < count;
            int i = real ? setup.Order[first + l] : -1;
            Index[l] = i;
            Class[l] = real ? setup.T2PrimeClass[i] : Class[Math.Max(0, count - 1)];
            X[l] = real ? v.PositionXMeters[i] : 0; Y[l] = real ? v.PositionYMeters[i] : 0; Z[l] = real ? v.PositionZMeters[i] : 0;
            B0[l] = real ? v.B0Hertz[i] : 0;
            T1[l] = real ? v.T1Seconds[i] : 1; T2[l] = real ? v.T2Seconds[i] : 1;
            D[l] = real ? v.DiffusionSquareMetersPerSecond[i] : 0;
            DiffusionT[l] = T.CreateTruncating(D[l]);
            B1Magnitude[l] = real ? v.B1[i].Magnitude : 0; B1Phase[l] = real ? v.B1[i].Phase : 0;
            for (int c = 0; c < WeightRe.Length; c++)
            {
                Complex w = real ? setup.ReceiveWeight[i * setup.CoilCount + c] : Complex.Zero;
                WeightRe[c][l] = T.CreateTruncating(w.Real);
                WeightIm[c][l] = T.CreateTruncating(w.Imaginary);
                Complex sensitivity = real ? v.CoilSensitivities[c][i] : Complex.Zero;
                CoilRe[c][l] = T.CreateTruncating(sensitivity.Real);
                CoilIm[c][l] = T.CreateTruncating(sensitivity.Imaginary);
            }
            InverseT2T[l] = real ? T.CreateTruncating(1 / T2[l]) : T.Zero;
            InverseT2PrimeT[l] = real ? T.CreateTruncating(setup.InverseT2Prime[Class[l]]) : T.Zero;
            B0T[l] = T.CreateTruncating(B0[l]);
            XT[l] = T.CreateTruncating(X[l]); YT[l] = T.CreateTruncating(Y[l]); ZT[l] = T.CreateTruncating(Z[l]);
            ProtonDensityT[l] = real ? T.CreateTruncating(v.ProtonDensity[i]) : T.Zero;
        }
        for (int k = 0; k < Lanes / width; k++)
        {
            int cls = Class[k * width];
            for (int l = 1; l < width && cls >= 0; l++) if (Class[k * width + l] != cls) cls = -1;
            VectorClass[k] = cls;
        }
    }
}
