using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SeqZero.Phantoms.Loaders;

namespace SeqZero.Cli.Commands;

/// <summary>`seqzero phantom info SPEC [--matrix N] [--json]`: grid, voxel size, tissue value ranges and coil count of
/// any phantom <see cref="PhantomLoader"/> accepts.</summary>
internal static class PhantomCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // T2' = +∞ is written as "Infinity"
    };

    public static Command Create(TextWriter output)
    {
        var command = new Command("phantom", "Inspect phantoms: built-in, MRzero .mat, JEMRIS/Koma .h5, NumPy .npz or a folder of .npy maps.");
        command.Subcommands.Add(Info(output));
        return command;
    }

    private static Command Info(TextWriter output)
    {
        var specArgument = new Argument<string>("spec")
        {
            Description = "builtin:brain, builtin:sphere, FILE.mat, FILE.h5, FILE.npz or a folder of .npy maps.",
        };
        var matrixOption = new Option<int?>("--matrix") { Description = "Resample (files) or build (built-ins) at N×N first." };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var info = new Command("info", "Print grid, voxel size, tissue value ranges (voxels with PD ≠ 0) and coil count.");
        info.Arguments.Add(specArgument);
        info.Options.Add(matrixOption);
        info.Options.Add(jsonOption);
        info.SetAction(parse =>
        {
            PhantomSummary summary = PhantomSummary.Of(PhantomLoader.Load(parse.GetValue(specArgument)!, parse.GetValue(matrixOption)));
            if (parse.GetValue(jsonOption)) output.WriteLine(JsonSerializer.Serialize(summary, Json));
            else WriteText(output, summary);
            return ExitCodes.Success;
        });
        return info;
    }

    private static void WriteText(TextWriter output, PhantomSummary s)
    {
        const double MetersToMillimeters = 1e3;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"phantom      {s.Source}"));
        output.WriteLine(string.Create(c, $"grid         {s.SizeX} × {s.SizeY} voxels, {s.SignalVoxelCount} with PD ≠ 0"));
        output.WriteLine(string.Create(c, $"voxel        {s.VoxelSizeXMeters * MetersToMillimeters:G4} × {s.VoxelSizeYMeters * MetersToMillimeters:G4} mm, slice {s.SliceThicknessMeters * MetersToMillimeters:G4} mm"));
        output.WriteLine(string.Create(c, $"fov          {s.FovXMeters * MetersToMillimeters:G4} × {s.FovYMeters * MetersToMillimeters:G4} mm"));
        output.WriteLine(string.Create(c, $"coils        {s.CoilCount}"));
        output.WriteLine(string.Create(c, $"PD           {Range(s.ProtonDensity)}"));
        output.WriteLine(string.Create(c, $"T1           {Range(s.T1Seconds)} s"));
        output.WriteLine(string.Create(c, $"T2           {Range(s.T2Seconds)} s"));
        output.WriteLine(string.Create(c, $"T2'          {Range(s.T2PrimeSeconds)} s"));
        output.WriteLine(string.Create(c, $"D            {Range(s.DiffusionSquareMetersPerSecond)} m²/s"));
        output.WriteLine(string.Create(c, $"B0           {Range(s.B0Hertz)} Hz"));
        output.WriteLine(string.Create(c, $"|B1|         {Range(s.B1Magnitude)}"));
    }

    private static string Range(ValueRange r) => string.Create(CultureInfo.InvariantCulture, $"{r.Min:G4} … {r.Max:G4}");
}
