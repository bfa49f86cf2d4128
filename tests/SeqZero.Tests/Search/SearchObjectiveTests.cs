using System.Text.Json;
using System.Text.Json.Nodes;
using SeqZero.Cli;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class SearchObjectiveTests
{
    [Theory]
    [InlineData("exp1")]
    [InlineData("exp2")]
    [InlineData("exp2-distinct-t1")]
    [InlineData("exp3")]
    [InlineData("custom")]
    public void FromThenToSpec_PaperAndCustomExperiments_KeepEveryLossField(string name)
    {
        ExperimentSpec spec = ExperimentSpec.Named(name);
        ExperimentSpec back = SearchObjective.From(spec).ToSpec(name);
        Assert.Equal(SearchObjective.From(spec), SearchObjective.From(back));
        Assert.Equal(spec.SignalTissues, back.SignalTissues);
        Assert.Equal(spec.Grid, back.Grid);
    }

    [Fact]
    public void ToSpec_CustomWithNulling_TakesTheInversionRecoveryGrid()
    {
        ExperimentSpec wmNull = ExperimentSpec.Custom with
        {
            SignalTissues = [TissueClass.GrayMatter, TissueClass.Csf], NullWeight = 1, NullTissues = [TissueClass.WhiteMatter],
        };
        SearchObjective objective = SearchObjective.From(wmNull);
        Assert.Equal("GM,CSF", objective.SignalTissues);
        Assert.Equal("WM", objective.NullTissues);
        ExperimentSpec back = objective.ToSpec("custom");
        Assert.Equal([TissueClass.GrayMatter, TissueClass.Csf], back.SignalTissues);
        Assert.Equal(TwoPulseGrid.InversionRecovery, back.Grid);
        Assert.Empty((objective with { SignalTissues = "" }).ToSpec("custom").SignalTissues);
    }

    [Fact]
    public void Record_WithoutObjective_IsThePaperExperimentWithItsRecordedWeights()
    {
        // records written before the objective was stored carry only λcont, λnull and the L_sig normalisation
        var node = JsonNode.Parse(JsonOutput.Serialize(Exp2Record(objective: null)))!.AsObject();
        Assert.True(node.Remove("objective"));
        SearchRecord old = JsonSerializer.Deserialize<SearchRecord>(node.ToJsonString(), JsonOutput.Options)!;
        Assert.Null(old.Objective);
        Assert.Equal(SearchObjective.From(ExperimentSpec.Experiment2 with { ContrastWeight = 20 }), SearchObjective.From(old.Spec()));

        SearchRecord current = Exp2Record(SearchObjective.From(ExperimentSpec.Experiment2 with { ContrastWeight = 50, RfNumberWeight = 0 }));
        SearchRecord read = JsonSerializer.Deserialize<SearchRecord>(JsonOutput.Serialize(current), JsonOutput.Options)!;
        Assert.Equal(current.Objective, read.Objective);
        Assert.Equal(50, read.Spec().ContrastWeight);
        Assert.Equal(0, read.Spec().RfNumberWeight);
    }

    private static SearchRecord Exp2Record(SearchObjective? objective) => new()
    {
        Experiment = "exp2", Seed = 0, Epochs = 1, LambdaCont = 20, LambdaNull = 0, DataSeed = 0, Voxels = 1, EvaluationVoxels = 1,
        SpinsPerVoxel = 1, SignalMeasure = "Magnitude", SignalPerTissue = false, GateGradients = "Substituted", Objective = objective,
        Layers = [], FlipsDeg = [90, 180], PhasesDeg = [0, 180], TimesS = [0.02, 0.02], TimeToReadoutS = 0.04, RefocusingPhaseDeg = 180,
        Loss = -0.4, LossTerms = new LossTerms(0.1, -0.017, 0, 0, 0, -0.4),
        Signals = new Dictionary<string, double> { ["GM"] = 0.57, ["WM"] = 0.44, ["CSF"] = 0.98 },
        SignalsMean = new Dictionary<string, double> { ["GM"] = 0.57, ["WM"] = 0.44, ["CSF"] = 0.98 },
        RfEnergyRelative = 0.97, Seconds = 1, History = [],
    };
}
