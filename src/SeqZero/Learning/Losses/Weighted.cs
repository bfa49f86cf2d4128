namespace SeqZero.Learning.Losses;

/// <summary>One term of a compound loss: total = Σ weightᵢ·Lᵢ.</summary>
public sealed record Weighted<TLoss>(TLoss Loss, double Weight) where TLoss : class;
