namespace SeqZero.Search;

/// <summary>Which candidates of a layer get a binary-gate gradient ∂L/∂g_c = ⟨∂L/∂m_out, o_c(m_in)⟩ per iteration
/// (ProxylessNAS, Cai et al. 2019, Section 3.2.1).</summary>
public enum GateGradientMode
{
    /// <summary>Every candidate of every layer: ∂L/∂αᵢ = Σⱼ ∂L/∂gⱼ·pⱼ(δᵢⱼ − pᵢ) (ProxylessNAS' default "full_v2").</summary>
    AllPaths,
    /// <summary>ProxylessNAS' memory-saving scheme ("two"): two candidates sampled from the multinomial, the active one
    /// and one more; only their architecture parameters move, shifted so that the other candidates' probabilities stay.</summary>
    TwoPaths,
}
