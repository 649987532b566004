using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Graph;

/// <summary>The greedy arena: tensors alive together never share bytes, memory is reused when lifetimes allow, offsets are aligned.</summary>
public class ArenaPlannerTests
{
    [Fact]
    public void Tensors_alive_together_never_overlap() =>
        GraphGen.DsCnn.Sample(c =>
        {
            var plan = ArenaPlanner.Plan(c.Graph);
            var activations = c.Graph.Tensors.Where(t => !t.IsConstant).Select(t => t.Id).ToHashSet();
            Assert.Equal(activations, plan.Buffers.Select(b => b.Tensor).ToHashSet());
            foreach (var a in plan.Buffers)
            {
                Assert.Equal(0, a.Offset % ArenaPlanner.Alignment);
                Assert.True(a.Offset + a.Bytes <= plan.Bytes);
                Assert.True(a.Bytes >= c.Graph.Tensors[a.Tensor].ByteCount);
                foreach (var b in plan.Buffers.Where(b => b != a && b.AliveWith(a)))
                    Assert.False(a.Overlaps(b), $"{a} and {b} overlap");
            }
        }, iter: 200);

    [Fact]
    public void The_arena_is_at_least_the_largest_operator_and_at_most_every_tensor() =>
        GraphGen.DsCnn.Sample(c =>
        {
            var plan = ArenaPlanner.Plan(c.Graph);
            var widest = c.Graph.Operators.Max(o => Aligned(c.Graph.Tensors[o.Inputs[0]].ByteCount) + Aligned(c.Graph.Tensors[o.Outputs[0]].ByteCount));
            Assert.InRange(plan.Bytes, widest, plan.Buffers.Sum(b => b.Bytes));
        }, iter: 200);

    [Fact]
    public void A_chain_ping_pongs_between_two_buffers()
    {
        var s = new GraphSketch();
        var x = s.Activation([1, 4, 4, 4], 0.1, 0);
        var first = x;
        for (var i = 0; i < 5; i++)
        {
            var y = s.Activation([1, 4, 4, 4], 0.1, 0);
            s.Op(OperatorKind.MaxPool2D, [x], y, new OperatorOptions { FilterHeight = 1, FilterWidth = 1 });
            x = y;
        }
        Assert.Equal(2 * 64, ArenaPlanner.Plan(s.Build(first, x)).Bytes);
    }

    private static int Aligned(int n) => (n + 3) & ~3;
}
