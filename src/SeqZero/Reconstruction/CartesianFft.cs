using System.Numerics;
using SeqZero.Sequences;

namespace SeqZero.Reconstruction;

/// <summary>FFT reconstruction of Cartesian data: each sample goes to the grid point k = (j − N/2)/FOV (samples at the
/// same point add up), then image(r) = Σₖ S(k)·e^{+i2π k·r} on <see cref="ImageGrid"/>: exactly the adjoint
/// encoding, computed as fftshift ∘ unnormalised inverse FFT ∘ fftshift.</summary>
public static class CartesianFft
{
    /// <summary>Relative distance from a grid point beyond which a trajectory is not Cartesian on this grid.</summary>
    public const double GridTolerance = 1e-6;

    /// <summary>True when every sample lies on the k-space grid of <paramref name="grid"/> (and inside it).</summary>
    public static bool IsCartesian(IReadOnlyList<KSpacePoint> k, ImageGrid grid) => k.All(p => GridIndex(p, grid) is not null);

    public static Complex[][] Reconstruct(ReadOnlySpan<Complex> signal, int coils, IReadOnlyList<KSpacePoint> k, ImageGrid grid)
    {
        if (signal.Length != k.Count * coils)
            throw new ArgumentException($"Signal has {signal.Length} values; {k.Count} samples × {coils} coils expected.", nameof(signal));
        var images = new Complex[coils][];
        for (int c = 0; c < coils; c++)
        {
            var spectrum = new Complex[grid.PixelCount];
            for (int s = 0; s < k.Count; s++)
            {
                (int x, int y) = GridIndex(k[s], grid)
                    ?? throw new ArgumentException($"Sample {s} at k = ({k[s].KxPerMeter:G6}, {k[s].KyPerMeter:G6}) /m is not on the Cartesian grid; use the adjoint reconstruction.", nameof(k));
                spectrum[y * grid.SizeX + x] += signal[s * coils + c];
            }
            images[c] = InverseTransform(spectrum, grid.SizeX, grid.SizeY);
        }
        return images;
    }

    /// <summary>k-grid indices (j = kx·FOV + N/2) or null when off the grid.</summary>
    private static (int X, int Y)? GridIndex(KSpacePoint p, ImageGrid grid)
    {
        double fx = p.KxPerMeter * grid.FovXMeters + grid.SizeX / 2, fy = p.KyPerMeter * grid.FovYMeters + grid.SizeY / 2;
        int x = (int)Math.Round(fx), y = (int)Math.Round(fy);
        if (Math.Abs(fx - x) > GridTolerance || Math.Abs(fy - y) > GridTolerance) return null;
        if (x < 0 || x >= grid.SizeX || y < 0 || y >= grid.SizeY) return null;
        return (x, y);
    }

    /// <summary>image[x, y] = Σ S[j]·e^{+i2π(j − N/2)(x − N/2)/N} per axis.</summary>
    private static Complex[] InverseTransform(Complex[] spectrum, int sizeX, int sizeY)
    {
        // with j' = j − N/2 and x' = x − N/2 (mod N) the kernel is e^{i2π·j'x'/N}: a plain FFT between shifted indices
        Complex[] a = Shift(spectrum, sizeX, sizeY, -1);
        var line = new Complex[Math.Max(sizeX, sizeY)];
        for (int y = 0; y < sizeY; y++) Fourier.Transform(a.AsSpan(y * sizeX, sizeX), +1);
        for (int x = 0; x < sizeX; x++)
        {
            for (int y = 0; y < sizeY; y++) line[y] = a[y * sizeX + x];
            Fourier.Transform(line.AsSpan(0, sizeY), +1);
            for (int y = 0; y < sizeY; y++) a[y * sizeX + x] = line[y];
        }
        return Shift(a, sizeX, sizeY, +1);
    }

    /// <summary>Circular shift by ⌊N/2⌋ along both axes: index j ↦ j + direction·⌊N/2⌋ (mod N).</summary>
    private static Complex[] Shift(Complex[] a, int sizeX, int sizeY, int direction)
    {
        var result = new Complex[a.Length];
        int dx = ((direction * (sizeX / 2)) % sizeX + sizeX) % sizeX, dy = ((direction * (sizeY / 2)) % sizeY + sizeY) % sizeY;
        for (int y = 0; y < sizeY; y++)
        for (int x = 0; x < sizeX; x++)
            result[((y + dy) % sizeY) * sizeX + (x + dx) % sizeX] = a[y * sizeX + x];
        return result;
    }
}
