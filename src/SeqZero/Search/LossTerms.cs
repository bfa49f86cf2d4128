namespace SeqZero.Search;

/// <summary>The terms of a Sequence Search loss, unweighted, and the weighted total.
/// Signal: L_sig; Contrast: L_cont (≤ 0); Null: L_null; RfEnergy: Σα² [rad²]; RfNumber: count of RF pulses.</summary>
public sealed record LossTerms(double Signal, double Contrast, double Null, double RfEnergy, double RfNumber, double Total);
