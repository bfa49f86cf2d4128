namespace SeqZero.Search;

/// <summary>How the binary gates of a layer get their gradients ∂L/∂g_c on an architecture iteration, and for which
/// candidates: ProxylessNAS (Cai et al. 2019, Section 3.2.1) linearises, ∂L/∂g_c = ⟨∂L/∂m_out, o_c(m_in)⟩;
/// <see cref="Substituted"/> takes the exact value.</summary>
public enum GateGradientMode
{
    /// <summary>Every candidate of every layer: ∂L/∂αᵢ = Σⱼ ∂L/∂gⱼ·pⱼ(δᵢⱼ − pᵢ) (ProxylessNAS' default "full_v2").</summary>
    AllPaths,
    /// <summary>ProxylessNAS' memory-saving scheme ("two"): two candidates sampled from the multinomial, the active one
    /// and one more; only their architecture parameters move, shifted so that the other candidates' probabilities stay.</summary>
    TwoPaths,
    /// <summary>Every candidate of every layer, with ∂L/∂g_c taken as the loss of the sampled path with candidate c
    /// substituted in its layer (no linearisation): Σⱼ L(j)·pⱼ(δᵢⱼ − pᵢ) is then the exact gradient of the expected loss
    /// over that layer's choice, given the other layers' samples.</summary>
    Substituted,
}
