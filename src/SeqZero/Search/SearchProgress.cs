namespace SeqZero.Search;

/// <summary>Reported after every epoch: the mean batch loss of the epoch (sampled paths) and the current argmax design.</summary>
public sealed record SearchProgress(int Epoch, int Epochs, double MeanBatchLoss, IReadOnlyList<VoxelOperation> Design);
