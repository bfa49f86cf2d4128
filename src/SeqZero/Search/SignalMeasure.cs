namespace SeqZero.Search;

/// <summary>What "Mxy" means in the losses (the paper does not say; docs/sequence-search.md discusses it).</summary>
public enum SignalMeasure
{
    /// <summary>|s|: the magnitude of the voxel's readout (default). Invariant to the global RF phase, which the paper
    /// standardises away (first phase 0).</summary>
    Magnitude,
    /// <summary>s itself: L_sig = |M0 − s|² rewards a real positive readout, so the first RF phase has to become 90°.</summary>
    Complex,
}
