using PureHDF;
using PureHDF.VOL.Native;

namespace SeqZero.Phantoms.Loaders;

/// <summary>Opens HDF5 phantom files with PureHDF and reads floating-point datasets as double, turning every failure
/// into a <see cref="PhantomException"/> naming the file and dataset.</summary>
internal static class Hdf5Datasets
{
    public static NativeFile Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found.", path);
        try
        {
            return H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PhantomException(path, "HDF5 file", $"cannot be opened ({e.Message.TrimEnd('.')}).", e);
        }
    }

    /// <summary>Reads a float32 or float64 dataset (C order) with its dimensions; throws when it is missing.</summary>
    public static (double[] Values, int[] Dimensions) Read(NativeFile file, string path, string dataset)
    {
        if (!file.LinkExists(dataset)) throw new PhantomException(path, dataset, "is missing from the file.");
        try
        {
            IH5Dataset d = file.Dataset(dataset);
            ulong[] dims = d.Space.Dimensions;
            ulong count = 1;
            foreach (ulong n in dims) count *= n;
            if (count > (ulong)Array.MaxLength || dims.Any(n => n > int.MaxValue))
                throw new PhantomException(path, dataset, $"size {string.Join("×", dims)} is too large.");
            if (d.Type.Class != H5DataTypeClass.FloatingPoint)
                throw new PhantomException(path, dataset, $"holds {d.Type.Class} values; expected floating point.");
            double[] values = d.Type.Size switch
            {
                8 => d.Read<double[]>(),
                4 => Array.ConvertAll(d.Read<float[]>(), v => (double)v),
                _ => throw new PhantomException(path, dataset, $"holds {d.Type.Size}-byte floats; expected 4 or 8 bytes."),
            };
            return (values, dims.Select(n => (int)n).ToArray());
        }
        catch (Exception e) when (e is not PhantomException and not OutOfMemoryException)
        {
            throw new PhantomException(path, dataset, $"cannot be read ({e.Message.TrimEnd('.')}).", e);
        }
    }

    /// <summary>Reads a dataset that must hold exactly <paramref name="expected"/> values.</summary>
    public static double[] ReadVector(NativeFile file, string path, string dataset, int expected, string expectedFrom)
    {
        double[] values = Read(file, path, dataset).Values;
        LoaderChecks.RequireLength(path, dataset, values.Length, expected, expectedFrom);
        return values;
    }
}
