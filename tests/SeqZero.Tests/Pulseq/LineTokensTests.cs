using System.Globalization;
using System.Text;
using SeqZero.Pulseq;
using SeqZero.Pulseq.Reading;

namespace SeqZero.Tests.Pulseq;

public class LineTokensTests
{
    private static double ParseOne(string text)
    {
        using var reader = new SeqLineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.seq");
        Assert.True(reader.TryReadContentLine(out ReadOnlySpan<byte> line));
        var tokens = new LineTokens(line, reader, "[TEST]");
        return tokens.NextDouble("value");
    }

    [Fact]
    public void NextDouble_RandomValuesInEveryFormat_EqualsDoubleParse()
    {
        var random = new Random(1234);
        string[] formats = ["G6", "G9", "R", "E3", "F4", "G17"];
        for (int i = 0; i < 20_000; i++)
        {
            double v = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-12, 12));
            string text = v.ToString(formats[i % formats.Length], CultureInfo.InvariantCulture);

            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), ParseOne(text));
        }
    }

    [Theory]
    [InlineData("-0", -0.0)]
    [InlineData("+1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1.0)]
    [InlineData("1e-320", 1e-320)] // beyond the fast path: the general parser takes it
    [InlineData("123456789012345678901234", 1.2345678901234568e23)]
    [InlineData("5.33512061e-05", 5.33512061e-05)]
    public void NextDouble_EdgeSpellings_Parsed(string text, double expected) => Assert.Equal(expected, ParseOne(text));

    [Theory]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("--1")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("nan")]
    [InlineData("1e99999")]
    public void NextDouble_Malformed_ThrowsWithField(string text)
    {
        var e = Assert.Throws<PulseqFormatException>(() => ParseOne(text));

        Assert.Contains("[TEST]: value: expected a finite number", e.Detail);
    }
}
