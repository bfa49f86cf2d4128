namespace SeqZero.Learning.Losses;

/// <summary>Relative error of a real parameter map (e.g. T1 [s]) against the truth over a mask:
/// L = mean over the mask of ((mᵢ − tᵢ)/tᵢ)²; ∂L/∂mᵢ = 2(mᵢ − tᵢ)/(n·tᵢ²). √L is the RMS relative error.</summary>
public sealed class MapErrorLoss
{
    private readonly double[] _truth;
    private readonly int[] _mask;

    public MapErrorLoss(ReadOnlySpan<double> truth, int[] pixels, string name = "map_error")
    {
        if (pixels.Length == 0) throw new ArgumentException("The mask needs at least one pixel.", nameof(pixels));
        _truth = truth.ToArray();
        foreach (int i in pixels)
            if (!(_truth[i] > 0)) throw new ArgumentException($"Truth at pixel {i} is {_truth[i]}; a relative error needs positive values.", nameof(truth));
        _mask = pixels;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Returns the unweighted value and adds weight·∂L/∂map into <paramref name="mapAdjoint"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> map, Span<double> mapAdjoint, double weight)
    {
        if (map.Length != _truth.Length || mapAdjoint.Length != _truth.Length)
            throw new ArgumentException($"Map has {map.Length} values, adjoint {mapAdjoint.Length}; the truth has {_truth.Length}.", nameof(map));
        double sum = 0, norm = 1.0 / _mask.Length;
        foreach (int i in _mask)
        {
            double t = _truth[i], relative = (map[i] - t) / t;
            sum += relative * relative;
            mapAdjoint[i] += weight * 2 * norm * relative / t;
        }
        return sum * norm;
    }
}
