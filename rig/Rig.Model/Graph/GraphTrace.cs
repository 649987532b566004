namespace Rig.Model.Graph;

/// <summary>One inference of a graph: its int8 input and every layer's output in execution order (the last is the model's output).</summary>
public sealed record GraphTrace(sbyte[] Input, IReadOnlyList<sbyte[]> Layers)
{
    public sbyte[] Output => Layers.Count == 0 ? Input : Layers[^1];
}
