namespace SeqZero.Phantoms.Loaders;

/// <summary>Puts a planar spin list whose spins sit on a regular Cartesian grid (one spin per grid point, all at one z)
/// into a <see cref="VoxelPhantom"/>: grid spacing = smallest gap between distinct x (y) positions, voxel (i, j) =
/// ((x − x_min)/Δx, (y − y_min)/Δy), grid points without a spin are background (PD 0). The slice thickness is not in
/// the file and is taken as Δx. Positions then follow VoxelPhantom's FFT grid, centred on the grid's middle voxel.</summary>
public static class SpinGrid
{
    // gaps below this fraction of the extent are rounding (float32 positions), not separate grid lines
    private const double SameLineFraction = 1e-6;
    // a position may sit this fraction of a cell off its grid point
    private const double OffGridCells = 1e-3;

    public static VoxelPhantom ToVoxelPhantom(SpinPhantom spins)
    {
        if (spins.Count == 0) throw new PhantomException(spins.Source, "spins", "the file holds no spins.");
        if (spins.ZMeters.Any(z => Math.Abs(z - spins.ZMeters[0]) > 0))
            throw new PhantomException(spins.Source, "z", "spins lie in more than one plane; a voxel phantom needs one 2D slice.");
        (double xMin, double dx, int sizeX) = Axis(spins.XMeters, spins.Source, "x");
        (double yMin, double dy, int sizeY) = Axis(spins.YMeters, spins.Source, "y");
        // a single row or column has no spacing of its own: take the other axis's
        if (double.IsNaN(dx)) dx = dy;
        if (double.IsNaN(dy)) dy = dx;
        if (double.IsNaN(dx)) throw new PhantomException(spins.Source, "positions", "all spins sit at one point; the grid spacing is unknown.");
        if ((long)sizeX * sizeY > Array.MaxLength / 16)
            throw new PhantomException(spins.Source, "positions", $"a {sizeX}×{sizeY} grid is too large for a voxel phantom.");

        var phantom = new VoxelPhantom(sizeX, sizeY, dx, dy, dx, spins.Source);
        bool[] filled = new bool[sizeX * sizeY];
        for (int s = 0; s < spins.Count; s++)
        {
            int i = phantom.Index(Cell(spins.XMeters[s], xMin, dx), Cell(spins.YMeters[s], yMin, dy));
            if (filled[i]) throw new PhantomException(spins.Source, "positions", $"spins {s} and another share grid point {i % sizeX}, {i / sizeX}.");
            filled[i] = true;
            phantom.ProtonDensity[i] = spins.ProtonDensity[s];
            phantom.T1Seconds[i] = spins.T1Seconds[s];
            phantom.T2Seconds[i] = spins.T2Seconds[s];
            phantom.T2PrimeSeconds[i] = spins.T2PrimeSeconds[s];
            phantom.B0Hertz[i] = spins.B0Hertz[s];
        }
        phantom.Validate();
        return phantom;
    }

    private static int Cell(double position, double min, double spacing) => (int)Math.Round((position - min) / spacing);

    /// <summary>Origin, spacing and number of grid points along one axis; throws when positions are off the grid.</summary>
    private static (double Min, double Spacing, int Size) Axis(double[] positions, string source, string field)
    {
        double[] distinct = positions.Order().ToArray();
        double min = distinct[0], max = distinct[^1];
        double spacing = double.PositiveInfinity;
        for (int i = 1; i < distinct.Length; i++)
        {
            double gap = distinct[i] - distinct[i - 1];
            if (gap > SameLineFraction * (max - min)) spacing = Math.Min(spacing, gap);
        }
        if (double.IsPositiveInfinity(spacing)) return (min, double.NaN, 1);
        foreach (double p in positions)
        {
            double cells = (p - min) / spacing;
            if (Math.Abs(cells - Math.Round(cells)) > OffGridCells)
                throw new PhantomException(source, field, $"position {p} m is not on the regular grid of spacing {spacing} m from {min} m.");
        }
        return (min, spacing, (int)Math.Round((max - min) / spacing) + 1);
    }
}
