namespace SeqZero.Sequences;

/// <summary>Cartesian line ordering and sizes shared by the builders. Δk = 1/FOV; line i of N sits at
/// k = (i − N/2)·Δk, so k = 0 is line N/2 (the FFT convention: no half-voxel shift).</summary>
public static class CartesianEncoding
{
    /// <summary>Δk = 1/FOV [cycles/m].</summary>
    public static double DeltaK(double fovMeters)
    {
        if (!(fovMeters > 0) || !double.IsFinite(fovMeters))
            throw new ArgumentOutOfRangeException(nameof(fovMeters), fovMeters, "Field of view must be a positive number of metres.");
        return 1.0 / fovMeters;
    }

    /// <summary>Phase-encoding indices (i − N/2) in acquisition order: linear (−N/2 … N/2−1) or centric
    /// (0, −1, 1, −2, 2, …), the latter putting the k-space centre first as T1-mapping readouts want.</summary>
    public static int[] PhaseEncodingOrder(int matrix, bool centric)
    {
        RequireMatrix(matrix);
        int[] order = new int[matrix];
        if (!centric)
        {
            for (int i = 0; i < matrix; i++) order[i] = i - matrix / 2;
            return order;
        }
        int n = 0;
        order[n++] = 0;
        for (int step = 1; n < matrix; step++)
        {
            order[n++] = -step;
            if (n < matrix && step < matrix - matrix / 2) order[n++] = step;
        }
        return order;
    }

    public static void RequireMatrix(int matrix)
    {
        if (matrix < 2 || matrix > 4096)
            throw new ArgumentOutOfRangeException(nameof(matrix), matrix, "Matrix size must be between 2 and 4096.");
    }
}
