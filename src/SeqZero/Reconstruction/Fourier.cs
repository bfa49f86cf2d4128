using System.Numerics;

namespace SeqZero.Reconstruction;

/// <summary>In-place unnormalised discrete Fourier transforms of one line: X[m] = Σₙ x[n]·e^{sign·i2π·mn/N}.
/// Radix-2 Cooley–Tukey for powers of two, the direct O(N²) sum otherwise.</summary>
public static class Fourier
{
    public static void Transform(Span<Complex> line, int sign)
    {
        int n = line.Length;
        if (n <= 1) return;
        if ((n & (n - 1)) == 0) Radix2(line, sign);
        else Direct(line, sign);
    }

    private static void Radix2(Span<Complex> a, int sign)
    {
        int n = a.Length;
        for (int i = 1, j = 0; i < n; i++) // bit-reversal permutation
        {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) (a[i], a[j]) = (a[j], a[i]);
        }
        for (int length = 2; length <= n; length <<= 1)
        {
            Complex step = Complex.FromPolarCoordinates(1, sign * 2 * Math.PI / length);
            for (int start = 0; start < n; start += length)
            {
                Complex w = 1;
                for (int k = 0; k < length / 2; k++)
                {
                    Complex u = a[start + k], v = a[start + k + length / 2] * w;
                    a[start + k] = u + v;
                    a[start + k + length / 2] = u - v;
                    w *= step;
                }
            }
        }
    }

    private static void Direct(Span<Complex> a, int sign)
    {
        int n = a.Length;
        var result = new Complex[n];
        for (int m = 0; m < n; m++)
        {
            Complex sum = 0;
            for (int k = 0; k < n; k++) sum += a[k] * Complex.FromPolarCoordinates(1, sign * 2 * Math.PI * ((long)m * k % n) / n);
            result[m] = sum;
        }
        result.CopyTo(a);
    }
}
