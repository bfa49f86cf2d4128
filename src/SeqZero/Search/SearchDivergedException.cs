namespace SeqZero.Search;

/// <summary>A search step produced a non-finite loss, gradient or weight: SGD has diverged (typically loss weights so
/// large that one step throws a flip or an idle time to infinity). The message names the iteration, the layer and
/// candidate, and the value.</summary>
public sealed class SearchDivergedException(string message) : Exception(message);
