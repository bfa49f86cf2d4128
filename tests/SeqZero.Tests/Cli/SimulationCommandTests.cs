using System.Text.Json;
using SeqZero.Cli;
using SeqZero.IO;

namespace SeqZero.Tests.Cli;

/// <summary>`seqzero demo`, `simulate` and `bench` end to end, and their bad-input messages.</summary>
public class SimulationCommandTests
{
    [Fact]
    public void Demo_DefaultRun_WritesAllFilesAndABrainImage()
    {
        using var temp = new TempFolder();
        (int code, string output, _) = CliRunner.Run("demo", "--out", temp.Path);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains(temp.Path, output);
        foreach (string file in new[] { "image.png", "kspace.png", "signal.npy", "image.npy", "summary.json" })
            Assert.True(File.Exists(temp.File(file)), file);
        NpyArray signal = NpyReader.Read(temp.File("signal.npy"));
        Assert.Equal([4096, 1], signal.Shape);
        NpyArray image = NpyReader.Read(temp.File("image.npy"));
        Assert.Equal([64, 64], image.Shape);
        // the brain is in the middle of the field of view, the corners are empty
        double centre = Math.Abs(image.Real[32 * 64 + 32]), corner = Math.Abs(image.Real[0]) + Math.Abs(image.Imaginary![0]);
        Assert.True(centre > 20 * corner, $"centre {centre}, corner {corner}");
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(temp.File("summary.json")));
        Assert.Equal(64, summary.RootElement.GetProperty("matrix").GetInt32());
        Assert.Equal("cartesian-fft", summary.RootElement.GetProperty("reconstruction").GetString());
    }

    [Theory]
    [InlineData("rare")]
    [InlineData("epi")]
    [InlineData("bssfp")]
    [InlineData("se")]
    [InlineData("irflash")]
    public void Simulate_EachBuiltInSequence_WritesSignalWithOneRowPerSample(string sequence)
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run("simulate", "--sequence", sequence, "--matrix", "16", "--spins", "4",
            "--phantom", "builtin:sphere", "--precision", "double", "--out", temp.Path);

        Assert.True(code == ExitCodes.Success, error);
        NpyArray signal = NpyReader.Read(temp.File("signal.npy"));
        Assert.Equal("<c16", signal.Descriptor);
        Assert.Equal(sequence == "irflash" ? 6 * 256 : 256, signal.Shape[0]);
    }

    [Theory]
    [InlineData(new[] { "simulate", "--sequence", "spiral" }, "--sequence: unknown sequence 'spiral'")]
    [InlineData(new[] { "simulate", "--precision", "half" }, "--precision: 'half' is neither single nor double.")]
    [InlineData(new[] { "simulate", "--phantom", "builtin:kidney" }, "builtin:kidney: name: unknown built-in phantom")]
    [InlineData(new[] { "simulate", "--phantom", "/no/such/phantom.mat" }, "/no/such/phantom.mat: phantom: no such file.")]
    [InlineData(new[] { "simulate", "--matrix", "1" }, "matrix")]
    [InlineData(new[] { "simulate", "--tr", "0.0001" }, "RepetitionTimeSeconds")]
    [InlineData(new[] { "bench", "--case", "spiral" }, "--case: unknown case 'spiral'")]
    [InlineData(new[] { "bench", "--case", "search-epoch", "--experiment", "exp9" }, "--experiment: 'exp9' is not one of")]
    [InlineData(new[] { "simulate", "--matrix", "many" }, "many")]
    [InlineData(new[] { "simulate", "--colour", "red" }, "--colour")]
    public void BadInput_ExitsTwoWithOneSentenceNamingTheProblem(string[] args, string expected)
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run([.. args, "--out", temp.Path]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", error); // no stack trace
    }

    [Fact]
    public void Simulate_PhantomFileWithNegativeT1_ExitsTwoNamingFileAndField()
    {
        using var temp = new TempFolder();
        string maps = Directory.CreateDirectory(temp.File("maps")).FullName;
        double[] pd = [1, 1, 1, 1], t1 = [1, -0.5, 1, 1], t2 = [0.1, 0.1, 0.1, 0.1];
        NpyWriter.WriteFloat64(Path.Combine(maps, "PD.npy"), pd, 2, 2);
        NpyWriter.WriteFloat64(Path.Combine(maps, "T1.npy"), t1, 2, 2);
        NpyWriter.WriteFloat64(Path.Combine(maps, "T2.npy"), t2, 2, 2);

        (int code, _, string error) = CliRunner.Run("simulate", "--phantom", maps, "--matrix", "2", "--out", temp.File("out"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(maps, error);
        Assert.Contains("T1", error);
    }

    [Fact]
    public void Simulate_PulseqFileOnKomaSphere_WritesOneSignalRowPerAdcSample()
    {
        using var temp = new TempFolder();
        (int code, _, string error) = CliRunner.Run("simulate", "--seq", SharedData.File("reference", "epi_100x100_TE100_FOV230.seq"),
            "--phantom", SharedData.File("phantoms", "koma_phantom_sphere.h5"), "--matrix", "100", "--fov", "0.23", "--out", temp.Path);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal([10000, 1], NpyReader.Read(temp.File("signal.npy")).Shape);
        Assert.Equal([100, 100], NpyReader.Read(temp.File("image.npy")).Shape);
        Assert.True(File.Exists(temp.File("image.png")) && File.Exists(temp.File("kspace.png")));
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllText(temp.File("summary.json")));
        Assert.Equal("block", summary.RootElement.GetProperty("engine").GetString());
        Assert.Equal(7825, summary.RootElement.GetProperty("spins").GetInt32());
    }

    [Fact]
    public void Simulate_PulseqFileWithTwoCoils_WritesOneColumnPerCoil()
    {
        using var temp = new TempFolder();
        int spins = 7825; // koma_phantom_sphere.h5
        var maps = new System.Numerics.Complex[2 * spins];
        for (int i = 0; i < spins; i++) { maps[i] = 1; maps[spins + i] = new System.Numerics.Complex(0, 0.5); }
        NpyWriter.WriteComplex128(temp.File("coils.npy"), maps, 2, spins);
        (int code, _, string error) = CliRunner.Run("simulate", "--seq", SharedData.File("reference", "epi_100x100_TE100_FOV230.seq"),
            "--phantom", SharedData.File("phantoms", "koma_phantom_sphere.h5"), "--coils", temp.File("coils.npy"), "--out", temp.File("out"));

        Assert.True(code == ExitCodes.Success, error);
        NpyArray signal = NpyReader.Read(Path.Combine(temp.File("out"), "signal.npy"));
        Assert.Equal([10000, 2], signal.Shape);
        // coil 2 = i/2 · coil 1, sample by sample
        for (int s = 0; s < 10000; s += 997)
        {
            Assert.Equal(-0.5 * signal.Imaginary![2 * s], signal.Real[2 * s + 1], 6);
            Assert.Equal(0.5 * signal.Real[2 * s], signal.Imaginary[2 * s + 1], 6);
        }
    }

    [Fact]
    public void Simulate_MalformedPulseqFile_ExitsTwoWithFileAndLine()
    {
        using var temp = new TempFolder();
        string path = temp.File("bad.seq");
        File.WriteAllText(path, "[VERSION]\nmajor 1\nminor 4\nrevision 2\n\n[BLOCKS]\n1 1 0 0 0 0 0\n");
        (int code, _, string error) = CliRunner.Run("simulate", "--seq", path, "--phantom", "builtin:sphere", "--matrix", "8", "--out", temp.File("out"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{path}:", error);
    }

    [Fact]
    public void Bench_Json_PrintsExactlyTheIssueFields()
    {
        (int code, string output, _) = CliRunner.Run("bench", "--case", "flash", "--matrix", "16", "--spins", "4", "--gradients", "--repeats", "1", "--json");

        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument doc = JsonDocument.Parse(output);
        string[] names = [.. doc.RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["case", "matrix", "voxels", "spins_per_voxel", "events", "threads", "seconds_forward", "seconds_backward",
            "spin_events_per_second_forward", "peak_working_set_bytes"], names);
        Assert.True(doc.RootElement.GetProperty("seconds_backward").GetDouble() > 0);
    }

    [Fact]
    public void Bench_SearchEpochJson_PrintsEpochFields()
    {
        (int code, string output, _) = CliRunner.Run("bench", "--case", "search-epoch", "--experiment", "exp2", "--voxels", "1000",
            "--spins", "8", "--threads", "1", "--repeats", "1", "--json");

        Assert.Equal(ExitCodes.Success, code);
        using JsonDocument doc = JsonDocument.Parse(output);
        string[] names = [.. doc.RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["case", "experiment", "voxels_per_epoch", "spins_per_voxel", "layers", "iterations_per_epoch", "threads", "simd_float_lanes", "epochs_timed",
            "seconds_per_epoch_cpu", "seconds_per_epoch_wall", "spin_operations_per_cpu_second", "projected_1000_epochs_seconds_cpu",
            "projected_1000_epochs_seconds_wall", "peak_working_set_bytes"], names);
        Assert.Equal(1, doc.RootElement.GetProperty("iterations_per_epoch").GetInt32());
        Assert.Equal(System.Numerics.Vector<float>.Count, doc.RootElement.GetProperty("simd_float_lanes").GetInt32());
        Assert.True(doc.RootElement.GetProperty("seconds_per_epoch_cpu").GetDouble() > 0);
    }
}
