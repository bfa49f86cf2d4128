using System.Text.Json.Serialization;
using PhantomTissue = SeqZero.Phantoms.Tissue;

namespace SeqZero.Search;

/// <summary>Gaussian distribution of one tissue's properties (mean ± SD), as Table I of the Sequence Search paper lists
/// them. Units: M0 relative to CSF (1), times in seconds.</summary>
public sealed record TissueDistribution([property: JsonConverter(typeof(TissueClassJsonConverter))] TissueClass Tissue,
    double M0Mean, double M0Sd, double T1MeanSeconds, double T1SdSeconds, double T2MeanSeconds, double T2SdSeconds,
    double T2PrimeMeanSeconds, double T2PrimeSdSeconds)
{
    // Table I: GM 0.8 ± 0.02, 1331 ± 57, 110 ± 9, 170 ± 27 ms; WM 0.7 ± 0.02, 832 ± 44, 80 ± 3, 161 ± 17 ms;
    // CSF 1.0, 4000 ± 200, 2000 ± 100, 6000 ± 300 ms. The means are the ones Phantoms/Tissue.cs holds.
    public static TissueDistribution GrayMatter { get; } = From(TissueClass.GrayMatter, PhantomTissue.GrayMatter, 0.02, 0.057, 0.009, 0.027);
    public static TissueDistribution WhiteMatter { get; } = From(TissueClass.WhiteMatter, PhantomTissue.WhiteMatter, 0.02, 0.044, 0.003, 0.017);
    public static TissueDistribution Csf { get; } = From(TissueClass.Csf, PhantomTissue.Csf, 0, 0.200, 0.100, 0.300);

    /// <summary>Experiment 2's controlled variant: GM and WM share T1 = 1 000 ± 50 ms, everything else unchanged.</summary>
    public const double EqualT1MeanSeconds = 1.000, EqualT1SdSeconds = 0.050;

    /// <summary>Table I as three distributions in <see cref="TissueClass"/> order; with <paramref name="equalT1"/>
    /// GM and WM get T1 = 1 000 ± 50 ms.</summary>
    public static IReadOnlyList<TissueDistribution> TableI(bool equalT1 = false) => equalT1
        ? [GrayMatter with { T1MeanSeconds = EqualT1MeanSeconds, T1SdSeconds = EqualT1SdSeconds },
           WhiteMatter with { T1MeanSeconds = EqualT1MeanSeconds, T1SdSeconds = EqualT1SdSeconds }, Csf]
        : [GrayMatter, WhiteMatter, Csf];

    /// <summary>Checks a tissue table: GM, WM and CSF in that order, finite means &gt; 0 and SDs ≥ 0; returns it.</summary>
    /// <exception cref="ArgumentException">Naming the tissue and the field.</exception>
    public static IReadOnlyList<TissueDistribution> Validate(IReadOnlyList<TissueDistribution> tissues)
    {
        ArgumentNullException.ThrowIfNull(tissues);
        if (tissues.Count != TissueClasses.Count || tissues.Where((t, i) => t is null || t.Tissue != TissueClasses.All[i]).Any())
            throw new ArgumentException("A tissue table lists GM, WM and CSF, in that order.", nameof(tissues));
        foreach (TissueDistribution t in tissues)
        {
            foreach ((string name, double mean, double sd) in new[] { ("M0", t.M0Mean, t.M0Sd), ("T1", t.T1MeanSeconds, t.T1SdSeconds),
                ("T2", t.T2MeanSeconds, t.T2SdSeconds), ("T2'", t.T2PrimeMeanSeconds, t.T2PrimeSdSeconds) })
            {
                if (!(double.IsFinite(mean) && mean > 0)) throw new ArgumentException($"{t.Tissue.ShortName()} {name}: mean {mean} must be finite and > 0.", nameof(tissues));
                if (!(double.IsFinite(sd) && sd >= 0)) throw new ArgumentException($"{t.Tissue.ShortName()} {name}: SD {sd} must be finite and ≥ 0.", nameof(tissues));
            }
        }
        return tissues;
    }

    private static TissueDistribution From(TissueClass tissue, PhantomTissue mean, double m0Sd, double t1Sd, double t2Sd, double t2PrimeSd) =>
        new(tissue, mean.ProtonDensity, m0Sd, mean.T1Seconds, t1Sd, mean.T2Seconds, t2Sd, mean.T2PrimeSeconds, t2PrimeSd);
}
