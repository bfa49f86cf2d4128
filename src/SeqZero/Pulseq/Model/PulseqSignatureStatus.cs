namespace SeqZero.Pulseq.Model;

/// <summary>Result of checking [SIGNATURE]: the MD5 of the file up to (excluding) the newline before "[SIGNATURE]".</summary>
public enum PulseqSignatureStatus { Absent, Valid, Invalid }
