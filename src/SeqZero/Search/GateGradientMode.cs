namespace SeqZero.Search;

/// <summary>Which candidates of a layer get a binary-gate gradient ∂L/∂g_c = ⟨∂L/∂m_out, o_c(m_in)⟩ per iteration
/// (ProxylessNAS, Cai et al. 2019, Section 3.2.1).</summary>
public enum GateGradientMode
{
    /// <summary>ProxylessNAS' memory-saving scheme (default): two candidates sampled from the multinomial, the active one
    /// and one more; only their architecture parameters move, rescaled so that the other candidates' probabilities stay.</summary>
    TwoPaths,
    /// <summary>Every candidate of every layer: ∂L/∂αᵢ = Σⱼ ∂L/∂gⱼ·pⱼ(δᵢⱼ − pᵢ). Four times the probing cost.</summary>
    AllPaths,
}
