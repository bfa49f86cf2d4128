using System.Numerics;
using System.Text.Json;
using SeqZero.IO;
using SeqZero.Phantoms;
using SeqZero.Sequences;
using SeqZero.Simulation;
using SeqZero.Tests.IO;

namespace SeqZero.Tests.Simulation;

/// <summary>Reads the MRzero-Core reference case files of shared/data/reference/mrzero-core (README there): the
/// sequence JSON, the 32×32 phantom's voxel arrays and the exact isochromats.</summary>
internal static class MrzeroCoreReference
{
    public static string File(string name) => SharedData.File("reference", "mrzero-core", name);

    public static NpyArray Npy(string name) => NpyReader.Read(File(name));

    /// <summary>The case's sequence: pulse usage/angle/phase, event times, gradient moments (1/m), ADC usage and phase.</summary>
    public static Sequence Sequence(string caseName)
    {
        using JsonDocument doc = JsonDocument.Parse(System.IO.File.ReadAllText(File($"{caseName}.seq.json")));
        var repetitions = new List<Repetition>();
        foreach (JsonElement rep in doc.RootElement.GetProperty("reps").EnumerateArray())
        {
            JsonElement pulse = rep.GetProperty("pulse");
            PulseUsage usage = pulse.GetProperty("usage").GetString() switch
            {
                "excitation" => PulseUsage.Excitation,
                "refocussing" => PulseUsage.Refocusing,
                "storage" => PulseUsage.Storage,
                "inversion" => PulseUsage.Inversion,
                _ => PulseUsage.Undefined,
            };
            double[] times = [.. rep.GetProperty("event_time").EnumerateArray().Select(e => e.GetDouble())];
            double[][] moments = [.. rep.GetProperty("gradm").EnumerateArray().Select(g => g.EnumerateArray().Select(v => v.GetDouble()).ToArray())];
            int[] adc = [.. rep.GetProperty("adc_usage").EnumerateArray().Select(e => e.GetInt32())];
            double[] adcPhase = [.. rep.GetProperty("adc_phase").EnumerateArray().Select(e => e.GetDouble())];
            var events = times.Select((t, e) => new SequenceEvent(t, moments[e][0], moments[e][1], moments[e][2], adc[e] > 0, adcPhase[e]));
            repetitions.Add(new Repetition(new RfPulse(pulse.GetProperty("angle").GetDouble(), pulse.GetProperty("phase").GetDouble(), usage), events));
        }
        return new Sequence(repetitions, caseName);
    }

    /// <summary>The phantom's simulated voxels (mask order), one coil of sensitivity 1, voxel size 0.5/Nyquist.</summary>
    public static VoxelSet Voxels()
    {
        double[] pd = Npy("phantom_N32/simdata_PD.npy").Real;
        NpyArray b1 = Npy("phantom_N32/simdata_B1.npy");
        double[] position = Npy("phantom_N32/simdata_voxel_pos.npy").Real;
        // phantom.json: nyquist (80, 80, 62.5) 1/m → voxel size 0.5/nyquist
        var set = new VoxelSet(pd.Length, 1, 0.5 / 80, 0.5 / 80, 0.5 / 62.5);
        double[] t1 = Npy("phantom_N32/simdata_T1.npy").Real, t2 = Npy("phantom_N32/simdata_T2.npy").Real;
        double[] t2Prime = Npy("phantom_N32/simdata_T2dash.npy").Real, b0 = Npy("phantom_N32/simdata_B0.npy").Real;
        for (int v = 0; v < pd.Length; v++)
        {
            set.ProtonDensity[v] = pd[v]; set.T1Seconds[v] = t1[v]; set.T2Seconds[v] = t2[v]; set.T2PrimeSeconds[v] = t2Prime[v];
            set.B0Hertz[v] = b0[v];
            set.B1[v] = new Complex(b1.Real[v], b1.Imaginary![v]);
            set.PositionXMeters[v] = position[3 * v]; set.PositionYMeters[v] = position[3 * v + 1]; set.PositionZMeters[v] = position[3 * v + 2];
            set.CoilSensitivities[0][v] = Complex.One;
        }
        return set;
    }

    /// <summary>The exact isochromats: spin_pos_rad_m = 2π(u − ½)·voxel size, so the offset in voxel sizes is u − ½;
    /// MRzero turns isochromat j by +ωⱼ·t/T2', SeqZero by −ωⱼ·t/T2', hence ω ↦ −ω.</summary>
    public static Isochromats Isochromats(int spins)
    {
        string folder = $"spins_N32_S{spins}_seed0";
        double[] u = Npy($"{folder}/u.npy").Real, omega = Npy($"{folder}/omega.npy").Real;
        return new Isochromats(
            [.. Enumerable.Range(0, spins).Select(j => u[3 * j] - 0.5)],
            [.. Enumerable.Range(0, spins).Select(j => u[3 * j + 1] - 0.5)],
            [.. Enumerable.Range(0, spins).Select(j => u[3 * j + 2] - 0.5)],
            [.. omega.Select(w => -w)]);
    }

    public static Complex[] Signal(string caseName)
    {
        NpyArray s = Npy($"{caseName}.signal.npy");
        return [.. s.Real.Select((re, i) => new Complex(re, s.Imaginary![i]))];
    }
}
