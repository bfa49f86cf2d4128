using System.Numerics;

namespace SeqZero.Reconstruction;

/// <summary>Combining coil images into one.</summary>
public static class CoilCombination
{
    /// <summary>Root sum of squares √Σ|I_c|² (magnitude only; needs no sensitivities).</summary>
    public static double[] RootSumOfSquares(Complex[][] images)
    {
        var result = new double[images[0].Length];
        foreach (Complex[] image in images)
            for (int i = 0; i < result.Length; i++) result[i] += image[i].Magnitude * image[i].Magnitude;
        for (int i = 0; i < result.Length; i++) result[i] = Math.Sqrt(result[i]);
        return result;
    }

    /// <summary>Sensitivity-weighted (Roemer) combination Σ conj(C_c)·I_c / Σ|C_c|²: complex, and equal to the object
    /// when the sensitivities are exact. Pixels where every coil is blind become 0.</summary>
    public static Complex[] SensitivityWeighted(Complex[][] images, Complex[][] sensitivities)
    {
        if (images.Length != sensitivities.Length)
            throw new ArgumentException($"{images.Length} coil images but {sensitivities.Length} sensitivity maps.", nameof(sensitivities));
        var result = new Complex[images[0].Length];
        for (int i = 0; i < result.Length; i++)
        {
            Complex sum = 0;
            double norm = 0;
            for (int c = 0; c < images.Length; c++)
            {
                sum += Complex.Conjugate(sensitivities[c][i]) * images[c][i];
                norm += sensitivities[c][i].Magnitude * sensitivities[c][i].Magnitude;
            }
            result[i] = norm > 0 ? sum / norm : 0;
        }
        return result;
    }
}
