using System.Numerics;
using static SeqZero.Search.VectorMath;

namespace SeqZero.Search;

/// <summary>The per-voxel scalars of a list of operations: E1 = e^{−τ/T1}, E2 = e^{−τ/T2} and the rotation R of the
/// B1-scaled flip (identity for a wait), evaluated for <see cref="Vector{T}.Count"/> operations at a time with the
/// vectorised exp and sin/cos of the simulator's precision: they are needed for every voxel, for each operation of the
/// path and each probed candidate, and one at a time in double they cost as much as a tenth of an epoch.</summary>
internal sealed class OperationScalars<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] minusTau = new T[Vector<T>.Count], flip = new T[Vector<T>.Count], phase = new T[Vector<T>.Count];

    public double[] E1 { get; private set; } = [];
    public double[] E2 { get; private set; } = [];
    public RfRotation[] Rotation { get; private set; } = [];

    /// <summary>Fills E1[i], E2[i], Rotation[i] for operation i of <paramref name="ops"/> at a voxel with B1 scale
    /// <paramref name="b1"/> and relaxation times <paramref name="t1Seconds"/>, <paramref name="t2Seconds"/>.</summary>
    public void Evaluate(ReadOnlySpan<VoxelOperation> ops, double b1, double t1Seconds, double t2Seconds)
    {
        if (E1.Length < ops.Length) { E1 = new double[ops.Length]; E2 = new double[ops.Length]; Rotation = new RfRotation[ops.Length]; }
        Vector<T> inverseT1 = Broadcast(1 / t1Seconds), inverseT2 = Broadcast(1 / t2Seconds);
        for (int first = 0; first < ops.Length; first += Vector<T>.Count)
        {
            int count = Math.Min(Vector<T>.Count, ops.Length - first);
            for (int i = 0; i < Vector<T>.Count; i++)
            {
                VoxelOperation op = ops[first + Math.Min(i, count - 1)]; // lanes past the end repeat the last operation
                minusTau[i] = T.CreateChecked(-op.IdleSeconds);
                flip[i] = T.CreateChecked(op.IsRf ? op.FlipRadians * b1 : 0);
                phase[i] = T.CreateChecked(op.IsRf ? op.PhaseRadians : 0);
            }
            var tau = new Vector<T>(minusTau);
            Vector<T> e1 = Exp(tau * inverseT1), e2 = Exp(tau * inverseT2);
            (Vector<T> sinFlip, Vector<T> cosFlip) = SinCos(new Vector<T>(flip));
            (Vector<T> sinPhase, Vector<T> cosPhase) = SinCos(new Vector<T>(phase));
            for (int i = 0; i < count; i++)
            {
                E1[first + i] = double.CreateChecked(e1[i]);
                E2[first + i] = double.CreateChecked(e2[i]);
                Rotation[first + i] = new RfRotation(double.CreateChecked(cosFlip[i]), double.CreateChecked(sinFlip[i]),
                    double.CreateChecked(cosPhase[i]), double.CreateChecked(sinPhase[i]));
            }
        }
    }

    private static Vector<T> Broadcast(double value) => new(T.CreateChecked(value));
}
