using System.IO.Compression;
using SeqZero.IO;

namespace SeqZero.Tests.IO;

public class NpzReaderTests
{
    internal static void WriteNpz(string path, CompressionLevel level, params (string Name, byte[] Npy)[] members)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach ((string name, byte[] npy) in members)
        {
            using Stream s = archive.CreateEntry(name, level).Open();
            s.Write(npy);
        }
    }

    [Theory]
    [InlineData(CompressionLevel.NoCompression)]
    [InlineData(CompressionLevel.Optimal)]
    public void Read_StoredOrDeflated_ReturnsArraysByName(CompressionLevel level)
    {
        using var temp = new TempFolder();
        string path = temp.File("maps.npz");
        WriteNpz(path, level,
            ("PD.npy", NpyTestFiles.Build("<f8", false, "(2, 2)", NpyTestFiles.Doubles(1, 0.5, 0, 0.25))),
            ("T1.npy", NpyTestFiles.Build("<f8", false, "(2, 2)", NpyTestFiles.Doubles(1, 2, 3, 4))),
            ("notes.txt", "ignored"u8.ToArray()));

        IReadOnlyDictionary<string, NpyArray> arrays = NpzReader.Read(path);

        Assert.Equal(["PD", "T1"], arrays.Keys.Order());
        Assert.Equal([1.0, 0.5, 0, 0.25], arrays["PD"].Real);
        Assert.Equal($"{path}:T1.npy", arrays["T1"].Source);
    }

    [Fact]
    public void Read_TruncatedMember_ThrowsNamingMember()
    {
        using var temp = new TempFolder();
        string path = temp.File("cut.npz");
        WriteNpz(path, CompressionLevel.Optimal, ("B0.npy", NpyTestFiles.Build("<f8", false, "(8,)", NpyTestFiles.Doubles(1, 2))));

        var e = Assert.Throws<InvalidDataException>(() => NpzReader.Read(path));

        Assert.StartsWith($"{path}:B0.npy: truncated", e.Message);
    }

    [Fact]
    public void Read_NotZip_ThrowsNamingFile()
    {
        using var temp = new TempFolder();
        string path = temp.File("junk.npz");
        File.WriteAllText(path, "this is not a zip archive at all");

        var e = Assert.Throws<InvalidDataException>(() => NpzReader.Read(path));

        Assert.StartsWith($"{path}: not a readable .npz", e.Message);
    }
}
