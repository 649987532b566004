namespace Rig.Model.Graph;

/// <summary>One activation tensor in the arena: its bytes at [Offset, Offset + Bytes), alive from operator First to Last.</summary>
public sealed record ArenaBuffer(int Tensor, int Offset, int Bytes, int First, int Last)
{
    public bool AliveWith(ArenaBuffer other) => First <= other.Last && other.First <= Last;

    public bool Overlaps(ArenaBuffer other) => Offset < other.Offset + other.Bytes && other.Offset < Offset + Bytes;
}

/// <summary>Where every activation of a graph lives in the one arena, and the arena's size in bytes.</summary>
public sealed record ArenaPlan(IReadOnlyList<ArenaBuffer> Buffers, int Bytes)
{
    public int OffsetOf(int tensor) =>
        Buffers.FirstOrDefault(b => b.Tensor == tensor)?.Offset
        ?? throw new InvalidOperationException($"tensor {tensor} is not an activation of the plan");
}
