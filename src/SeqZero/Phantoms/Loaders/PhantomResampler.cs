using System.Numerics;

namespace SeqZero.Phantoms.Loaders;

/// <summary>Resamples a voxel phantom to N×N over the same field of view by bilinear interpolation with half-pixel
/// centres (source coordinate s = (d + ½)·SizeIn/N − ½, clamped at the edges; torch's interpolate(mode='bilinear' /
/// 'trilinear', align_corners=False)). Bilinear, not area averaging, because MRzero-Core builds its reference
/// phantom exactly this way (../shared/data/reference/mrzero-core/phantom_N32), so a SeqZero run on the same file and N
/// simulates the same maps. Downsampling by a large factor therefore aliases like MRzero does.</summary>
public static class PhantomResampler
{
    public static VoxelPhantom Resample(VoxelPhantom phantom, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var result = new VoxelPhantom(n, n, phantom.FovXMeters / n, phantom.FovYMeters / n, phantom.SliceThicknessMeters, phantom.Source);
        Axis[] xs = Weights(phantom.SizeX, n), ys = Weights(phantom.SizeY, n);

        Resample(phantom, phantom.ProtonDensity, result.ProtonDensity, xs, ys);
        Resample(phantom, phantom.T1Seconds, result.T1Seconds, xs, ys);
        Resample(phantom, phantom.T2Seconds, result.T2Seconds, xs, ys);
        Resample(phantom, phantom.T2PrimeSeconds, result.T2PrimeSeconds, xs, ys);
        Resample(phantom, phantom.DiffusionSquareMetersPerSecond, result.DiffusionSquareMetersPerSecond, xs, ys);
        Resample(phantom, phantom.B0Hertz, result.B0Hertz, xs, ys);
        ResampleComplex(phantom, phantom.B1, result.B1, xs, ys);
        var coils = new Complex[phantom.CoilCount][];
        for (int c = 0; c < coils.Length; c++)
        {
            coils[c] = new Complex[n * n];
            ResampleComplex(phantom, phantom.CoilSensitivities[c], coils[c], xs, ys);
        }
        result.SetCoilSensitivities(coils);
        return result;
    }

    /// <summary>Two source indices and the weight of the second along one axis.</summary>
    private readonly record struct Axis(int Lower, int Upper, double UpperWeight);

    private static Axis[] Weights(int sizeIn, int sizeOut)
    {
        var axes = new Axis[sizeOut];
        double scale = (double)sizeIn / sizeOut;
        for (int d = 0; d < sizeOut; d++)
        {
            double s = Math.Max((d + 0.5) * scale - 0.5, 0);
            int lower = Math.Min((int)s, sizeIn - 1);
            axes[d] = new Axis(lower, Math.Min(lower + 1, sizeIn - 1), s - lower);
        }
        return axes;
    }

    private static void Resample(VoxelPhantom source, double[] input, double[] output, Axis[] xs, Axis[] ys)
    {
        for (int y = 0; y < ys.Length; y++)
        for (int x = 0; x < xs.Length; x++)
        {
            Axis ax = xs[x], ay = ys[y];
            output[y * xs.Length + x] =
                Term(1 - ay.UpperWeight, Term(1 - ax.UpperWeight, input[source.Index(ax.Lower, ay.Lower)]) + Term(ax.UpperWeight, input[source.Index(ax.Upper, ay.Lower)]))
              + Term(ay.UpperWeight, Term(1 - ax.UpperWeight, input[source.Index(ax.Lower, ay.Upper)]) + Term(ax.UpperWeight, input[source.Index(ax.Upper, ay.Upper)]));
        }
    }

    /// <summary>w·v, with zero-weight neighbours dropped so that an infinite T2' next door does not turn into NaN.</summary>
    private static double Term(double weight, double value) => weight == 0 ? 0 : weight * value;

    private static void ResampleComplex(VoxelPhantom source, Complex[] input, Complex[] output, Axis[] xs, Axis[] ys)
    {
        double[] re = new double[input.Length], im = new double[input.Length];
        for (int i = 0; i < input.Length; i++) { re[i] = input[i].Real; im[i] = input[i].Imaginary; }
        double[] reOut = new double[output.Length], imOut = new double[output.Length];
        Resample(source, re, reOut, xs, ys);
        Resample(source, im, imOut, xs, ys);
        for (int i = 0; i < output.Length; i++) output[i] = new Complex(reOut[i], imOut[i]);
    }
}
