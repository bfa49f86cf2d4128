namespace SeqZero.Search;

/// <summary>The Sequence Search supernet: <see cref="SupernetOptions.Layers"/> layers, each choosing one of the RF and
/// wait candidates (the first layer RF only). Initialisation as Section II.B of the paper: RF op i flip uniform in
/// its 36° bin, phase uniform in [−180°, 180°), ΔtRF = 6.2 ms; wait op k idle log-uniform in its range; α ~ N(0, 0.001²).</summary>
public sealed class Supernet
{
    public Supernet(SupernetOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        if (options.Layers < 1 || options.RfOperations < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "A supernet needs at least one layer and one RF operation.");
        Options = options;
        double binRadians = Math.PI / options.RfOperations;
        Layers = new SupernetLayer[options.Layers];
        for (int l = 0; l < options.Layers; l++)
        {
            // the first layer must start the sequence with an RF pulse
            int candidates = l == 0 ? options.RfOperations : options.CandidatesPerLayer;
            var layer = new SupernetLayer(candidates, options.RfOperations, options.ArchitectureLearningRate, options.ArchitectureAdamBeta1);
            for (int c = 0; c < candidates; c++)
            {
                if (c < options.RfOperations)
                {
                    layer.Flip[c] = (c + random.NextDouble()) * binRadians;
                    layer.Phase[c] = (2 * random.NextDouble() - 1) * Math.PI;
                    layer.LogIdle[c] = LogTime(options.MinRfIdleSeconds);
                }
                else
                {
                    (double min, double max) = options.WaitRanges[c - options.RfOperations];
                    layer.LogIdle[c] = LogTime(Math.Exp(Math.Log(min) + (Math.Log(max) - Math.Log(min)) * random.NextDouble()));
                }
            }
            for (int c = 0; c < candidates; c++) layer.Alpha[c] = options.ArchitectureInitSd * Gaussian(random);
            Layers[l] = layer;
        }
    }

    public SupernetOptions Options { get; }
    public SupernetLayer[] Layers { get; }

    /// <summary>u = log(t + offset) for an idle time t [s].</summary>
    public double LogTime(double seconds) => Math.Log(seconds + Options.LogTimeOffsetSeconds);

    /// <summary>t = e^u − offset, at least 0 s.</summary>
    public double Idle(double logTime) => Math.Max(0, Math.Exp(logTime) - Options.LogTimeOffsetSeconds);

    /// <summary>Candidate c of layer l with its current weights.</summary>
    public VoxelOperation Operation(int l, int c)
    {
        SupernetLayer layer = Layers[l];
        return layer.IsRf[c] ? VoxelOperation.Rf(layer.Flip[c], layer.Phase[c], Idle(layer.LogIdle[c])) : VoxelOperation.Wait(Idle(layer.LogIdle[c]));
    }

    /// <summary>The final design: the argmax candidate of every layer.</summary>
    public VoxelOperation[] Design() => [.. Layers.Select((layer, l) => Operation(l, layer.Argmax()))];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
