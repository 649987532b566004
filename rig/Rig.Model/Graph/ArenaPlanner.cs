namespace Rig.Model.Graph;

/// <summary>
/// Plans the activations of a graph into one arena the way TFLM's GreedyMemoryPlanner does: each
/// activation is alive from the operator that writes it (the graph's input: from the first) to the last
/// operator that reads it (the graph's output: to the end); the largest are placed first, each at the
/// lowest 4-byte aligned offset where it overlaps no tensor alive at the same time. Constants (weights,
/// biases) stay in flash and are not planned.
/// </summary>
public static class ArenaPlanner
{
    public const int Alignment = 4;

    public static ArenaPlan Plan(ModelGraph graph)
    {
        var last = graph.Operators.Count - 1;
        var first = new Dictionary<int, int>();
        var lastUse = new Dictionary<int, int>();
        foreach (var id in graph.Inputs) Touch(id, 0);
        foreach (var op in graph.Operators)
        {
            foreach (var id in op.Inputs.Where(i => i >= 0 && !graph.Tensors[i].IsConstant)) Touch(id, op.Index);
            foreach (var id in op.Outputs) Touch(id, op.Index);
        }
        foreach (var id in graph.Outputs) Touch(id, Math.Max(last, 0));

        var order = first.Keys
            .Select(id => (Id: id, Bytes: Align(graph.Tensors[id].ByteCount)))
            .OrderByDescending(t => t.Bytes).ThenBy(t => first[t.Id]).ThenBy(t => t.Id);
        var placed = new List<ArenaBuffer>();
        foreach (var (id, bytes) in order)
        {
            var candidate = new ArenaBuffer(id, 0, bytes, first[id], lastUse[id]);
            foreach (var other in placed.Where(p => p.AliveWith(candidate)).OrderBy(p => p.Offset))
                if (candidate.Overlaps(other)) candidate = candidate with { Offset = Align(other.Offset + other.Bytes) };
            placed.Add(candidate);
        }
        var size = placed.Count == 0 ? 0 : placed.Max(b => b.Offset + b.Bytes);
        return new ArenaPlan(placed.OrderBy(b => b.Tensor).ToList(), size);

        void Touch(int id, int index)
        {
            first[id] = first.TryGetValue(id, out var f) ? Math.Min(f, index) : index;
            lastUse[id] = lastUse.TryGetValue(id, out var l) ? Math.Max(l, index) : index;
        }
    }

    private static int Align(int n) => (n + Alignment - 1) / Alignment * Alignment;
}
