using System.Text;

namespace SeqZero.Tests.IO;

/// <summary>Writes hand-made .npy bytes (any header version, type string and order) for reader tests.</summary>
internal static class NpyTestFiles
{
    public static byte[] Build(string descriptor, bool fortranOrder, string shape, byte[] data, int major = 1)
    {
        string dict = $"{{'descr': '{descriptor}', 'fortran_order': {(fortranOrder ? "True" : "False")}, 'shape': {shape}, }}\n";
        byte[] text = Encoding.ASCII.GetBytes(dict);
        byte[] length = major == 1 ? BitConverter.GetBytes((ushort)text.Length) : BitConverter.GetBytes((uint)text.Length);
        return [0x93, .. "NUMPY"u8, (byte)major, 0, .. length, .. text, .. data];
    }

    public static byte[] Doubles(params double[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();
}
