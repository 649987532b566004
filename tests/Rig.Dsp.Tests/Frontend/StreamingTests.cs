using CsCheck;
using Rig.Dsp.Frontend;
using Rig.Dsp.Signals;

namespace Rig.Dsp.Tests.Frontend;

public class StreamingTests
{
    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void First_column_after_a_frame_then_one_per_hop(string profile)
    {
        var c = RepoProfiles.Load(profile).Frontend;
        var fe = new Q15Frontend(c);
        var x = TestSignals.Noise(c.FftLength + 3 * c.Hop + 5, seed: 1);
        var used = fe.Push(x, out var ready);
        Assert.True(ready);
        Assert.Equal(c.FftLength, used);
        var total = used;
        for (var k = 1; k <= 3; k++)
        {
            used = fe.Push(x.AsSpan(total), out ready);
            Assert.True(ready);
            Assert.Equal(c.Hop, used);
            total += used;
        }
        used = fe.Push(x.AsSpan(total), out ready);
        Assert.False(ready);
        Assert.Equal(5, used);
    }

    [Fact]
    public void Columns_do_not_depend_on_how_the_samples_are_chunked()
    {
        var c = RepoProfiles.Load("rp2040").Frontend;
        var x = TestSignals.Sweep(c.SampleRate, c.SampleRate / 2);
        var whole = new Q15Frontend(c).ComputeAll(x);
        Gen.Int[1, 400].Array[1, 60].Sample(chunks =>
        {
            var fe = new Q15Frontend(c);
            var got = new List<short[]>();
            int pos = 0, i = 0;
            while (pos < x.Length)
            {
                var end = Math.Min(x.Length, pos + chunks[i++ % chunks.Length]);
                var span = x.AsSpan(pos, end - pos);
                while (!span.IsEmpty)
                {
                    var used = fe.Push(span, out var ready);
                    if (ready) got.Add(fe.Column.ToArray());
                    span = span[used..];
                }
                pos = end;
            }
            return got.Count == whole.Count && got.Zip(whole).All(p => p.First.SequenceEqual(p.Second));
        }, iter: 40);
    }

    [Fact]
    public void Reset_forgets_the_history()
    {
        var c = RepoProfiles.Load("py32f003").Frontend;
        var fe = new Q15Frontend(c);
        var a = fe.ComputeAll(TestSignals.Noise(1000, 4));
        fe.Reset();
        var b = fe.ComputeAll(TestSignals.Noise(1000, 4));
        Assert.Equal(a.Count, b.Count);
        Assert.True(a.Zip(b).All(p => p.First.SequenceEqual(p.Second)));
    }
}
