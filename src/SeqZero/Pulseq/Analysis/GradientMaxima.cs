using SeqZero.Pulseq.Decoding;

namespace SeqZero.Pulseq.Analysis;

/// <summary>Max |g| and slew per axis and of the gradient vector, streaming over the corners of
/// <see cref="GradientWaveform.Corners"/> (memory independent of the sequence length). The same numbers as evaluating
/// the built <see cref="GradientWaveform"/>s: per axis over its corners; for the vector, the three axes are interpolated
/// onto the union of their corner times (times within <see cref="GradientWaveform.SameInstantSeconds"/> of the previous
/// kept one merged) and max ‖g‖ and max ‖Δg/Δt‖ taken there. Exact as long as corners step back by less than an instant
/// (rounding of start times); events overlapping by more are malformed and then only approximately so.</summary>
internal static class GradientMaxima
{
    /// <summary>max |g| [Hz/m] and max |Δg/Δt| over segments longer than an instant [Hz/m/s] of each axis.</summary>
    public static (double[] GradientHzPerMeter, double[] SlewHzPerMeterPerSecond) PerAxis(DecodedSequence sequence)
    {
        double[] gradient = new double[3], slew = new double[3];
        for (int axis = 0; axis < 3; axis++)
        {
            bool first = true;
            (double t, double g) previous = default;
            foreach ((double t, double g) corner in GradientWaveform.Corners(sequence, axis))
            {
                gradient[axis] = Math.Max(gradient[axis], Math.Abs(corner.g));
                double dt = corner.t - previous.t;
                if (!first && dt > GradientWaveform.SameInstantSeconds) slew[axis] = Math.Max(slew[axis], Math.Abs(corner.g - previous.g) / dt);
                (first, previous) = (false, corner);
            }
        }
        return (gradient, slew);
    }

    /// <summary>max ‖g(t)‖ [Hz/m] and max ‖Δg/Δt‖ [Hz/m/s] on the union of the three axes' corner times.</summary>
    public static (double Gradient, double Slew) Vector(DecodedSequence sequence)
    {
        var times = new CornerTimes[3];
        var values = new AxisValues[3];
        for (int a = 0; a < 3; a++)
        {
            times[a] = new CornerTimes(GradientWaveform.Corners(sequence, a).GetEnumerator());
            values[a] = new AxisValues(GradientWaveform.Corners(sequence, a).GetEnumerator());
        }
        double maxGrad = 0, maxSlew = 0, lastCommon = 0;
        bool started = false;
        var previous = new double[3];
        // the union in sorted order: a merge of the three streams through a small queue, because a stream may step back by
        // the rounding of block start times (1e-17 s); a corner is released only when no stream can still bring an earlier
        // one, i.e. every stream's next corner is more than an instant later (disorder within an instant)
        var pending = new PriorityQueue<double, double>();
        while (true)
        {
            for (int a = 0; a < 3; a++)
            {
                while (times[a].HasNext && (pending.Count == 0 || times[a].Next - GradientWaveform.SameInstantSeconds <= pending.Peek()))
                {
                    double next = times[a].Take();
                    pending.Enqueue(next, next);
                }
            }
            if (pending.Count == 0) break;
            double t = pending.Dequeue();
            if (started && !(t - lastCommon > GradientWaveform.SameInstantSeconds)) continue; // same instant as the last kept

            double sumG = 0, sumS = 0;
            for (int a = 0; a < 3; a++)
            {
                double g = values[a].ValueAt(t);
                sumG += g * g;
                if (started)
                {
                    double s = (g - previous[a]) / (t - lastCommon);
                    sumS += s * s;
                }
                previous[a] = g;
            }
            maxGrad = Math.Max(maxGrad, Math.Sqrt(sumG));
            if (started) maxSlew = Math.Max(maxSlew, Math.Sqrt(sumS));
            (started, lastCommon) = (true, t);
        }
        return (maxGrad, maxSlew);
    }

    /// <summary>One axis's corner times with one of look-ahead.</summary>
    private sealed class CornerTimes
    {
        private readonly IEnumerator<(double TimeSeconds, double HzPerMeter)> corners;

        public CornerTimes(IEnumerator<(double TimeSeconds, double HzPerMeter)> corners)
        {
            this.corners = corners;
            HasNext = corners.MoveNext();
        }

        public bool HasNext { get; private set; }

        public double Next => corners.Current.TimeSeconds;

        public double Take()
        {
            double t = Next;
            HasNext = corners.MoveNext();
            return t;
        }
    }

    /// <summary><see cref="GradientWaveform.ValueAt"/> at non-decreasing times, holding only the current corner and the next:
    /// 0 before the first and after the last corner, linear between corners, the later value at a jump.</summary>
    private sealed class AxisValues
    {
        private readonly IEnumerator<(double TimeSeconds, double HzPerMeter)> corners;
        private readonly bool empty;
        private readonly double firstTime;
        private (double T, double G) current, next;
        private bool hasNext;

        public AxisValues(IEnumerator<(double TimeSeconds, double HzPerMeter)> corners)
        {
            this.corners = corners;
            empty = !corners.MoveNext();
            if (empty) return;
            current = corners.Current;
            firstTime = current.T;
            hasNext = corners.MoveNext();
            if (hasNext) next = corners.Current;
        }

        public double ValueAt(double t)
        {
            if (empty || t < firstTime) return 0;
            while (hasNext && next.T <= t)
            {
                current = next;
                hasNext = corners.MoveNext();
                if (hasNext) next = corners.Current;
            }
            if (!hasNext) return t > current.T ? 0 : current.G; // past the last corner, or on it
            if (next.T == current.T) return current.G;
            double f = (t - current.T) / (next.T - current.T);
            return current.G + f * (next.G - current.G);
        }
    }
}
