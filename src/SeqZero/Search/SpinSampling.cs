namespace SeqZero.Search;

/// <summary>How the spins of a voxel sample the intra-voxel frequency distributions.</summary>
public enum SpinSampling
{
    /// <summary>Linear spread evenly spaced at the cell centres, Lorentzian at the Cauchy quantiles (default: no sampling
    /// noise, the same every run).</summary>
    Deterministic,
    /// <summary>Linear spread uniform at random, Lorentzian ωⱼ = tan(π(u − ½)) at random (as a PyTorch torch.rand draw
    /// would do); seeded.</summary>
    Random,
}
