using System.Numerics;
using System.Numerics.Tensors;
using SeqZero.Sequences;

namespace SeqZero.Reconstruction;

/// <summary>Adjoint encoding reconstruction for any trajectory: image(r) = Σₛ sₛ·e^{+i2π(kₛ·r)} (no 1/N scaling), the
/// adjoint of the forward model's encoding e^{−i2π(k·r)}. Separable in x and y: e^{i2π(kx·x + ky·y)} = Ex·Ey, so the
/// cost is samples × (Nx + Ny) exponentials plus samples × pixels multiply-adds, rows split over cores.</summary>
public static class AdjointEncoding
{
    /// <summary>Reconstructs one image per coil. <paramref name="signal"/> is sample-major with
    /// <paramref name="coils"/> values per sample; <paramref name="k"/> holds each sample's k-space position.</summary>
    public static Complex[][] Forward(ReadOnlySpan<Complex> signal, int coils, IReadOnlyList<KSpacePoint> k, ImageGrid grid)
    {
        int samples = k.Count;
        if (signal.Length != samples * coils)
            throw new ArgumentException($"Signal has {signal.Length} values; {samples} samples × {coils} coils expected.", nameof(signal));
        (Complex[] ex, Complex[] ey) = Exponentials(k, grid, +1);
        Complex[] data = signal.ToArray();
        var images = new Complex[coils][];
        for (int c = 0; c < coils; c++) images[c] = new Complex[grid.PixelCount];
        Parallel.For(0, grid.SizeY, y =>
        {
            for (int s = 0; s < samples; s++)
            {
                Complex rowFactor = ey[s * grid.SizeY + y];
                for (int c = 0; c < coils; c++)
                {
                    Complex value = data[s * coils + c] * rowFactor;
                    Span<Complex> row = images[c].AsSpan(y * grid.SizeX, grid.SizeX);
                    ReadOnlySpan<Complex> columns = ex.AsSpan(s * grid.SizeX, grid.SizeX);
                    for (int x = 0; x < grid.SizeX; x++) row[x] += value * columns[x];
                }
            }
        });
        return images;
    }

    /// <summary>VJP: given ∂L/∂image per coil (∂L/∂Re + i·∂L/∂Im), returns ∂L/∂s (same convention) and adds ∂L/∂k per
    /// sample [m] into <paramref name="gradKx"/>/<paramref name="gradKy"/> (may be null). With image = Σ s·e^{iθ},
    /// θ = 2π(kx·x + ky·y): ∂L/∂s = Σᵣ e^{−iθ}·ḡᵣ and ∂L/∂kx = Σᵣ Re(conj(ḡᵣ)·i2πx·s·e^{iθ}). Separable: per sample and row,
    /// Σₓ conj(e^{i2πkx·x})·ḡ[y, x] (and its x-weighted twin) are four real dot products over the row, vectorised.</summary>
    public static Complex[] Backward(Complex[][] imageAdjoint, ReadOnlySpan<Complex> signal, int coils, IReadOnlyList<KSpacePoint> k,
        ImageGrid grid, double[]? gradKx = null, double[]? gradKy = null)
    {
        int samples = k.Count, nx = grid.SizeX, ny = grid.SizeY;
        bool wantK = gradKx is not null || gradKy is not null;
        (Complex[] ex, Complex[] ey) = Exponentials(k, grid, +1);
        Complex[] data = signal.ToArray();
        // ḡ and x·ḡ as real/imaginary planes, row-major
        var gRe = new double[coils][]; var gIm = new double[coils][]; var gxRe = new double[coils][]; var gxIm = new double[coils][];
        for (int c = 0; c < coils; c++)
        {
            gRe[c] = new double[grid.PixelCount]; gIm[c] = new double[grid.PixelCount];
            gxRe[c] = new double[grid.PixelCount]; gxIm[c] = new double[grid.PixelCount];
            for (int i = 0; i < grid.PixelCount; i++)
            {
                double x = grid.PixelX(i % nx);
                gRe[c][i] = imageAdjoint[c][i].Real; gIm[c][i] = imageAdjoint[c][i].Imaginary;
                gxRe[c][i] = x * gRe[c][i]; gxIm[c][i] = x * gIm[c][i];
            }
        }
        var signalAdjoint = new Complex[samples * coils];
        Parallel.For(0, samples, () => (Re: new double[nx], Im: new double[nx]), (s, _, row) =>
        {
            for (int x = 0; x < nx; x++) { row.Re[x] = ex[s * nx + x].Real; row.Im[x] = ex[s * nx + x].Imaginary; }
            for (int c = 0; c < coils; c++)
            {
                Complex sum = 0, sumX = 0, sumY = 0;
                for (int y = 0; y < ny; y++)
                {
                    Complex rowSum = ConjugateDot(row.Re, row.Im, gRe[c].AsSpan(y * nx, nx), gIm[c].AsSpan(y * nx, nx));
                    Complex rowFactor = Complex.Conjugate(ey[s * ny + y]);
                    sum += rowFactor * rowSum;
                    if (!wantK) continue;
                    sumX += rowFactor * ConjugateDot(row.Re, row.Im, gxRe[c].AsSpan(y * nx, nx), gxIm[c].AsSpan(y * nx, nx));
                    sumY += grid.PixelY(y) * rowFactor * rowSum;
                }
                signalAdjoint[s * coils + c] = sum;
                // Re(conj(ḡ)·i2πx·s·e^{iθ}) summed = Re(conj(Σ conj(e^{iθ})·ḡ·x)·i2π·s)
                Complex value = data[s * coils + c];
                if (gradKx is not null) gradKx[s] += (Complex.Conjugate(sumX) * Complex.ImaginaryOne * 2 * Math.PI * value).Real;
                if (gradKy is not null) gradKy[s] += (Complex.Conjugate(sumY) * Complex.ImaginaryOne * 2 * Math.PI * value).Real;
            }
            return row;
        }, _ => { });
        return signalAdjoint;
    }

    /// <summary>Σ conj(e)·g = Σ(eRe·gRe + eIm·gIm) + i·Σ(eRe·gIm − eIm·gRe).</summary>
    private static Complex ConjugateDot(ReadOnlySpan<double> eRe, ReadOnlySpan<double> eIm, ReadOnlySpan<double> gRe, ReadOnlySpan<double> gIm) =>
        new(TensorPrimitives.Dot(eRe, gRe) + TensorPrimitives.Dot(eIm, gIm), TensorPrimitives.Dot(eRe, gIm) - TensorPrimitives.Dot(eIm, gRe));

    /// <summary>e^{±i2π·kx·x} for every sample and column, and e^{±i2π·ky·y} for every sample and row.</summary>
    private static (Complex[] Ex, Complex[] Ey) Exponentials(IReadOnlyList<KSpacePoint> k, ImageGrid grid, int sign)
    {
        var ex = new Complex[k.Count * grid.SizeX];
        var ey = new Complex[k.Count * grid.SizeY];
        for (int s = 0; s < k.Count; s++)
        {
            for (int x = 0; x < grid.SizeX; x++) ex[s * grid.SizeX + x] = Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * k[s].KxPerMeter * grid.PixelX(x));
            for (int y = 0; y < grid.SizeY; y++) ey[s * grid.SizeY + y] = Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * k[s].KyPerMeter * grid.PixelY(y));
        }
        return (ex, ey);
    }
}
