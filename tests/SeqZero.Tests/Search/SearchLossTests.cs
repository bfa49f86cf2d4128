using System.Numerics;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class SearchLossTests
{
    // Central differences of a smooth loss with h = 1e-6 are accurate to ~1e-9; 1e-6 is the project's bar.
    private const double GradientTolerance = 1e-6;
    // GridLoss and SearchLoss sum the same terms in a different order (double): ~1e-15.
    private const double SameLossTolerance = 1e-12;

    public static TheoryData<string, SignalMeasure> Cases() => new()
    {
        { "exp1", SignalMeasure.Magnitude }, { "exp2", SignalMeasure.Magnitude }, { "exp3", SignalMeasure.Magnitude },
        { "exp1", SignalMeasure.Complex }, { "exp2", SignalMeasure.Complex }, { "exp3", SignalMeasure.Complex },
        { "exp1-pooled", SignalMeasure.Magnitude }, { "exp2-csf-null", SignalMeasure.Complex },
        { "custom-double-null", SignalMeasure.Magnitude }, { "custom-csf-wm-contrast", SignalMeasure.Complex },
    };

    /// <summary>The named experiment, or exp1 with the other L_sig normalisation, or exp2 with a null term too, or custom
    /// objectives: GM only with WM and CSF nulled (double inversion recovery), or a CSF–WM contrast with GM nulled.</summary>
    private static ExperimentSpec Spec(string name) => name switch
    {
        "exp1-pooled" => ExperimentSpec.Experiment1 with { SignalPerTissue = false },
        "exp2-csf-null" => ExperimentSpec.Experiment2 with { NullWeight = 0.5 },
        "custom-double-null" => ExperimentSpec.Custom with
        {
            SignalTissues = [TissueClass.GrayMatter], NullWeight = 2, NullTissues = [TissueClass.WhiteMatter, TissueClass.Csf],
        },
        "custom-csf-wm-contrast" => ExperimentSpec.Custom with
        {
            SignalTissues = [], ContrastWeight = 5, ContrastA = TissueClass.Csf, ContrastB = TissueClass.WhiteMatter,
            NullWeight = 1, NullTissues = [TissueClass.GrayMatter],
        },
        _ => ExperimentSpec.Named(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_Adjoint_MatchesCentralDifferences(string experiment, SignalMeasure measure)
    {
        var loss = new SearchLoss(Spec(experiment), measure);
        VoxelDataSet voxels = SearchTestData.SmallDataSet(12);
        int[] all = SearchTestData.All(voxels);
        var random = new Random(3);
        Complex[] s = [.. all.Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5))];
        var adjoint = new Complex[s.Length];
        loss.Evaluate(voxels, all, s, adjoint);
        const double h = 1e-6;
        double diff = 0, norm = 0;
        for (int i = 0; i < s.Length; i++)
        for (int part = 0; part < 2; part++)
        {
            Complex step = part == 0 ? h : new Complex(0, h);
            Complex[] plus = [.. s], minus = [.. s];
            plus[i] += step; minus[i] -= step;
            double numeric = (loss.Evaluate(voxels, all, plus).Total - loss.Evaluate(voxels, all, minus).Total) / (2 * h);
            double analytic = part == 0 ? adjoint[i].Real : adjoint[i].Imaginary;
            diff += (numeric - analytic) * (numeric - analytic);
            norm += numeric * numeric;
        }
        Assert.True(norm > 0);
        Assert.True(Math.Sqrt(diff / norm) < GradientTolerance, $"relative error {Math.Sqrt(diff / norm):E2}");
    }

    [Theory]
    [InlineData("exp1")]
    [InlineData("exp2")]
    [InlineData("exp3")]
    [InlineData("exp1-pooled")]
    [InlineData("custom-double-null")]
    [InlineData("custom-csf-wm-contrast")]
    public void GridLoss_TissueSums_EqualsSearchLoss(string experiment)
    {
        ExperimentSpec spec = Spec(experiment);
        VoxelDataSet voxels = SearchTestData.SmallDataSet(14);
        int[] all = SearchTestData.All(voxels);
        var random = new Random(8);
        Complex[] s = [.. all.Select(_ => new Complex(random.NextDouble() - 0.5, random.NextDouble() - 0.5))];
        var count = new int[3];
        var residual = new double[3];
        var magnitude = new double[3];
        var power = new double[3];
        foreach (int v in all)
        {
            int t = (int)voxels.Tissue[v];
            count[t]++;
            residual[t] += Math.Pow(voxels.M0[v] - s[v].Magnitude, 2);
            magnitude[t] += s[v].Magnitude;
            power[t] += s[v].Magnitude * s[v].Magnitude;
        }
        Assert.Equal(new SearchLoss(spec).Evaluate(voxels, all, s).Total, GridLoss.Value(spec, count, residual, magnitude, power), SameLossTolerance);
    }

    [Theory]
    [InlineData("exp1")]
    [InlineData("exp3")]
    public void LocalAdjoint_NoContrastTerm_EqualsBatchAdjoint(string experiment)
    {
        var loss = new SearchLoss(ExperimentSpec.Named(experiment));
        VoxelDataSet voxels = SearchTestData.SmallDataSet(10);
        int[] all = SearchTestData.All(voxels);
        var random = new Random(2);
        Complex[] s = [.. all.Select(_ => new Complex(random.NextDouble(), random.NextDouble()))];
        var adjoint = new Complex[s.Length];
        loss.Evaluate(voxels, all, s, adjoint);
        Func<int, Complex, Complex> local = loss.LocalAdjoint(voxels, all)!;
        for (int i = 0; i < s.Length; i++) Assert.Equal(adjoint[i], local(i, s[i]));
        Assert.Null(new SearchLoss(ExperimentSpec.Experiment2).LocalAdjoint(voxels, all));
    }

    [Fact]
    public void Evaluate_SignalMean_PooledIsOneMeanPerTissueIsSumOfTissueMeans()
    {
        // decision: exp1 and exp3 sum tissue means (eq. 6 as written), exp2 pools every voxel into one mean
        VoxelDataSet voxels = SearchTestData.SmallDataSet(30);
        int[] batch = [.. SearchTestData.All(voxels).Where(v => voxels.Tissue[v] != TissueClass.Csf || v < 9)]; // 10 GM, 10 WM, 3 CSF
        Complex[] s = [.. batch.Select(v => new Complex(0.3 + 0.01 * v, 0.1))];
        double[] squared = [.. batch.Select((v, i) => Math.Pow(voxels.M0[v] - s[i].Magnitude, 2))];
        double TissueMean(TissueClass t) => batch.Select((v, i) => (v, i)).Where(p => voxels.Tissue[p.v] == t).Average(p => squared[p.i]);

        double perTissue = TissueMean(TissueClass.GrayMatter) + TissueMean(TissueClass.WhiteMatter) + TissueMean(TissueClass.Csf);
        Assert.Equal(perTissue, new SearchLoss(ExperimentSpec.Experiment1).Evaluate(voxels, batch, s).Signal, SameLossTolerance);
        Assert.Equal(squared.Average(), new SearchLoss(ExperimentSpec.Experiment2).Evaluate(voxels, batch, s).Signal, SameLossTolerance);
        Assert.Equal(squared.Average(), new SearchLoss(ExperimentSpec.Experiment1 with { SignalPerTissue = false }).Evaluate(voxels, batch, s).Signal, SameLossTolerance);
        Assert.Equal(TissueMean(TissueClass.GrayMatter) + TissueMean(TissueClass.WhiteMatter),
            new SearchLoss(ExperimentSpec.Experiment3).Evaluate(voxels, batch, s).Signal, SameLossTolerance);
    }

    [Fact]
    public void Evaluate_TwoNullTissues_SumsEachTissuesMeanPower()
    {
        VoxelDataSet voxels = SearchTestData.SmallDataSet(30);
        int[] all = SearchTestData.All(voxels);
        Complex[] s = [.. all.Select(v => new Complex(0.2 + 0.01 * v, -0.05 * (v % 4)))];
        double MeanPower(TissueClass t) => all.Where(v => voxels.Tissue[v] == t).Average(v => s[v].Magnitude * s[v].Magnitude);
        LossTerms terms = new SearchLoss(Spec("custom-double-null")).Evaluate(voxels, all, s);
        Assert.Equal(MeanPower(TissueClass.WhiteMatter) + MeanPower(TissueClass.Csf), terms.Null, SameLossTolerance);
    }

    [Fact]
    public void RfPenalty_NinetyOneEighty_UsesRadians()
    {
        // decision: Σα² in rad² — 90°–180° costs λE·π²·5/4 = 1.2e-3 for λE = 1e-4, comparable to L_sig near its optimum
        var loss = new SearchLoss(ExperimentSpec.Experiment1);
        double penalty = loss.RfPenalty([VoxelOperation.Rf(Math.PI / 2, 0, 0.0062), VoxelOperation.Wait(0.01), VoxelOperation.Rf(Math.PI, 0, 0.0062)],
            out double energy, out int count);
        Assert.Equal(ExperimentSpec.ReferenceRfEnergy, energy, SameLossTolerance);
        Assert.Equal(2, count);
        Assert.Equal(1e-4 * energy + 1e-3 * 2, penalty, SameLossTolerance);
    }

    [Fact]
    public void Evaluate_ComplexMeasure_PenalisesImaginaryEcho()
    {
        // decision: |Mxy| by default; with complex Mxy an echo of the right size but phase −i (90°x) costs M0²·2
        VoxelDataSet voxels = VoxelDataSet.Nominal();
        int[] all = SearchTestData.All(voxels);
        Complex[] echo = [.. all.Select(v => new Complex(0, -voxels.M0[v]))];
        Assert.Equal(0, new SearchLoss(ExperimentSpec.Experiment1).Evaluate(voxels, all, echo).Signal, SameLossTolerance);
        double expected = all.Sum(v => 2 * voxels.M0[v] * voxels.M0[v]); // one nominal voxel per tissue: Σ of tissue means
        Assert.Equal(expected, new SearchLoss(ExperimentSpec.Experiment1, SignalMeasure.Complex).Evaluate(voxels, all, echo).Signal, SameLossTolerance);
    }
}
