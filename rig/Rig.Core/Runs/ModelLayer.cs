namespace Rig.Core.Runs;

/// <summary>One operator of a graph model as run.json lists it: X-CUBE-AI style MACC, weight bytes (flash) and activation bytes (RAM).</summary>
public sealed record ModelLayer(int Index, string Kind, long Macc, int WeightBytes, int ActivationBytes);
