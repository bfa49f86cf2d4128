namespace SeqZero.Cli.Commands;

/// <summary>Seed lists ("0-99", "3", "0,5,7-9") and shards ("i/n": every n-th seed of the list from position i,
/// 0-based, so n array jobs together run every seed once).</summary>
internal static class SearchSeeds
{
    public static int[] Parse(string text)
    {
        var seeds = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] range = part.Split('-');
            if (range.Length == 1 && int.TryParse(range[0], out int single) && single >= 0) seeds.Add(single);
            else if (range.Length == 2 && int.TryParse(range[0], out int first) && int.TryParse(range[1], out int last) && first >= 0 && last >= first)
                seeds.AddRange(Enumerable.Range(first, last - first + 1));
            else throw new ArgumentException($"--seeds: '{part}' is neither a seed ≥ 0 nor a range like 0-99.");
        }
        if (seeds.Count == 0) throw new ArgumentException("--seeds: no seeds given.");
        return [.. seeds.Distinct()];
    }

    public static int[] Shard(int[] seeds, string? shard)
    {
        if (shard is null) return seeds;
        string[] parts = shard.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int index) || !int.TryParse(parts[1], out int count) || count < 1 || index < 0 || index >= count)
            throw new ArgumentException($"--shard: '{shard}' must be i/n with 0 ≤ i < n.");
        return [.. seeds.Where((_, k) => k % count == index)];
    }
}
