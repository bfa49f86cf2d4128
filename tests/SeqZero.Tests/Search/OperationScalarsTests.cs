using System.Numerics;
using SeqZero.Search;

namespace SeqZero.Tests.Search;

public class OperationScalarsTests
{
    // System.Numerics' vectorised exp and sin/cos are good to a few ulp: 1e-14 in double, and float's own rounding in float
    private const double DoubleTolerance = 1e-14;
    private const double FloatTolerance = 3e-7;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)] // more operations than lanes
    public void Evaluate_Operations_MatchScalarMath(int count)
    {
        VoxelOperation[] ops = [.. Enumerable.Range(0, count).Select(i => i % 3 == 2
            ? VoxelOperation.Wait(0.001 + 0.3 * i)
            : VoxelOperation.Rf(0.4 * i - 1, 0.7 * i - 2, 0.0062 + 0.01 * i))];
        const double b1 = 0.9, t1 = 0.8, t2 = 0.07;
        Check(new OperationScalars<double>(), ops, b1, t1, t2, DoubleTolerance);
        Check(new OperationScalars<float>(), ops, b1, t1, t2, FloatTolerance);
    }

    private static void Check<T>(OperationScalars<T> scalars, VoxelOperation[] ops, double b1, double t1, double t2, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        scalars.Evaluate(ops, b1, t1, t2);
        for (int i = 0; i < ops.Length; i++)
        {
            Assert.Equal(Math.Exp(-ops[i].IdleSeconds / t1), scalars.E1[i], tolerance);
            Assert.Equal(Math.Exp(-ops[i].IdleSeconds / t2), scalars.E2[i], tolerance);
            double flip = ops[i].IsRf ? ops[i].FlipRadians * b1 : 0, phase = ops[i].IsRf ? ops[i].PhaseRadians : 0;
            Assert.Equal(Math.Cos(flip), scalars.Rotation[i].CosFlip, tolerance);
            Assert.Equal(Math.Sin(flip), scalars.Rotation[i].SinFlip, tolerance);
            Assert.Equal(Math.Cos(phase), scalars.Rotation[i].CosPhase, tolerance);
            Assert.Equal(Math.Sin(phase), scalars.Rotation[i].SinPhase, tolerance);
        }
    }
}
