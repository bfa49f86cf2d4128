namespace SeqZero.Reconstruction;

/// <summary>The reconstruction grid: SizeX × SizeY pixels, row-major (index = y·SizeX + x), pixel (x, y) at
/// ((x − SizeX/2)·FOVx/SizeX, (y − SizeY/2)·FOVy/SizeY) — the grid of FOV·fftshift(fftfreq(N)), identical to
/// <see cref="SeqZero.Phantoms.VoxelPhantom"/>, so a voxel at r = 0 lands in pixel (N/2, N/2) with no half-pixel shift.</summary>
public readonly record struct ImageGrid(int SizeX, int SizeY, double FovXMeters, double FovYMeters)
{
    public int PixelCount => SizeX * SizeY;
    public double PixelX(int x) => (x - SizeX / 2) * FovXMeters / SizeX;
    public double PixelY(int y) => (y - SizeY / 2) * FovYMeters / SizeY;

    public static ImageGrid Square(int size, double fovMeters)
    {
        if (size < 1 || size > 8192) throw new ArgumentOutOfRangeException(nameof(size), size, "Image size must be 1 … 8192.");
        if (!(fovMeters > 0) || !double.IsFinite(fovMeters)) throw new ArgumentOutOfRangeException(nameof(fovMeters), fovMeters, "FOV must be positive.");
        return new ImageGrid(size, size, fovMeters, fovMeters);
    }
}
