using System.Text.Json;
using SeqZero.Cli;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class TissueDistributionTests
{
    [Fact]
    public void Validate_MissingTissuesOrNonPositiveMeans_Throws()
    {
        IReadOnlyList<TissueDistribution> table = TissueDistribution.TableI();
        Assert.Same(table, TissueDistribution.Validate(table));
        Assert.Throws<ArgumentException>(() => TissueDistribution.Validate([table[0], table[1]]));
        Assert.Throws<ArgumentException>(() => TissueDistribution.Validate([table[1], table[0], table[2]]));
        var error = Assert.Throws<ArgumentException>(() => TissueDistribution.Validate([table[0], table[1] with { T1MeanSeconds = -0.8 }, table[2]]));
        Assert.Contains("WM T1", error.Message);
        Assert.Throws<ArgumentException>(() => TissueDistribution.Validate([table[0], table[1], table[2] with { T2SdSeconds = double.NaN }]));
    }

    [Fact]
    public void Json_TissueByShortName_RoundTripsAndRefusesUnknownNames()
    {
        TissueDistribution wm = TissueDistribution.TableI()[1];
        string json = JsonOutput.Serialize(wm);
        Assert.Contains("\"tissue\": \"WM\"", json);
        Assert.Equal(wm, JsonSerializer.Deserialize<TissueDistribution>(json, JsonOutput.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TissueDistribution>(json.Replace("\"WM\"", "\"lesion\""), JsonOutput.Options));
    }
}
