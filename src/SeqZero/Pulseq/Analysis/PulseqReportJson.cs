using System.Text.Json;
using SeqZero.Pulseq.Model;

namespace SeqZero.Pulseq.Analysis;

/// <summary>One JSON object per report: version, blocks, duration_s, rf_events, adc_events, adc_samples,
/// flip_angles_deg (distinct, ascending), te_s, tr_s (null when undefined), max_grad_hz_per_m and
/// max_slew_hz_per_m_per_s (x, y, z), their vector maxima, k-space figures (absent above PulseqReport.MaxKSpaceSamples),
/// timing violations and signature
/// (valid|invalid|absent).</summary>
public static class PulseqReportJson
{
    public static string Format(PulseqReport r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("version", r.Version.ToString());
            w.WriteNumber("blocks", r.Blocks);
            w.WriteNumber("duration_s", r.DurationSeconds);
            w.WriteNumber("rf_events", r.RfEvents);
            w.WriteNumber("gx_events", r.GxEvents);
            w.WriteNumber("gy_events", r.GyEvents);
            w.WriteNumber("gz_events", r.GzEvents);
            w.WriteNumber("adc_events", r.AdcEvents);
            w.WriteNumber("adc_samples", r.AdcSamples);
            Array(w, "flip_angles_deg", r.FlipAnglesDegrees);
            Nullable(w, "te_s", r.EchoTimeSeconds);
            Nullable(w, "tr_s", r.RepetitionTimeSeconds);
            Array(w, "max_grad_hz_per_m", r.MaxGradientHzPerMeter);
            Array(w, "max_slew_hz_per_m_per_s", r.MaxSlewHzPerMeterPerSecond);
            w.WriteNumber("max_abs_grad_hz_per_m", r.MaxAbsoluteGradientHzPerMeter);
            w.WriteNumber("max_abs_slew_hz_per_m_per_s", r.MaxAbsoluteSlewHzPerMeterPerSecond);
            if (r.KSpace is { } k)
            {
                w.WriteStartArray("unique_k_positions");
                foreach (int u in k.UniquePositions) w.WriteNumberValue(u);
                w.WriteEndArray();
                Array(w, "resolution_m", k.ResolutionMeters);
                w.WriteBoolean("cartesian", k.IsCartesian);
            }
            w.WriteStartArray("timing_violations");
            foreach (PulseqTimingViolation v in r.TimingViolations) w.WriteStringValue(v.ToString());
            w.WriteEndArray();
            w.WriteString("signature", r.Signature switch
            {
                PulseqSignatureStatus.Valid => "valid",
                PulseqSignatureStatus.Invalid => "invalid",
                _ => "absent",
            });
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Array(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    private static void Nullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
