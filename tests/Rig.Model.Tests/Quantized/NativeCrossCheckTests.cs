using CsCheck;
using Rig.Model.Files;
using Rig.Model.Quantized;
using Rig.Model.Tests.Support;
using Rig.Native;

namespace Rig.Model.Tests.Quantized;

/// <summary>
/// The C model (the profile's host library, compiled with the committed rig_model_weights.h) and
/// the C# twin (loaded from the committed rig_model.json) agree on every stage of every inference.
/// </summary>
public class NativeCrossCheckTests
{
    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Dimensions_sizes_and_macs_match_the_twin(string profile)
    {
        var twin = ModelFiles.Load(profile);
        var native = ModelNative.Open(profile);
        Assert.Equal(twin.Bands, native.Bands);
        Assert.Equal(twin.WindowColumns, native.WindowColumns);
        Assert.Equal(twin.Hidden, native.Hidden);
        Assert.Equal(twin.FrontendConfigHash, native.FrontendConfigHash);
        Assert.Equal(twin.Macs, native.Macs);
        Assert.Equal(twin.WindowBytes, native.WindowBytes);
        Assert.Equal(twin.TraceBytes, native.TraceBytes);
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Every_stage_agrees_on_plausible_windows(string profile)
    {
        var twin = ModelFiles.Load(profile);
        var native = ModelNative.Open(profile);
        ColumnGen.Plausible(twin, twin.WindowColumns).Sample(columns => AssertSameTrace(twin, native, columns), iter: 150);
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Every_stage_agrees_on_arbitrary_int16_windows(string profile)
    {
        var twin = ModelFiles.Load(profile);
        var native = ModelNative.Open(profile);
        ColumnGen.AnyWindow(twin.Bands, twin.WindowColumns).Sample(columns => AssertSameTrace(twin, native, columns), iter: 100);
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Extreme_constant_windows_agree(string profile)
    {
        var twin = ModelFiles.Load(profile);
        var native = ModelNative.Open(profile);
        foreach (var v in new short[] { short.MinValue, -6144, 0, short.MaxValue })
            AssertSameTrace(twin, native, Enumerable.Repeat(Enumerable.Repeat(v, twin.Bands).ToArray(), twin.WindowColumns).ToArray());
        var alternating = Enumerable.Range(0, twin.WindowColumns)
            .Select(i => Enumerable.Repeat(i % 2 == 0 ? short.MinValue : short.MaxValue, twin.Bands).ToArray()).ToArray();
        AssertSameTrace(twin, native, alternating);
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Partial_and_overfull_windows_behave_alike(string profile)
    {
        var twin = ModelFiles.Load(profile);
        var native = ModelNative.Open(profile);
        Gen.Int[0, twin.WindowColumns + 5].Select(ColumnGen.Plausible(twin, twin.WindowColumns + 5), (n, cols) => cols.Take(n).ToArray())
            .Sample(columns =>
            {
                var w = new ModelWindow(twin);
                using var c = native.NewWindow();
                foreach (var col in columns)
                {
                    w.Push(col);
                    c.Push(col);
                }
                Assert.Equal(w.Count, c.Count);
                Assert.Equal(Math.Min(columns.Length, twin.WindowColumns), c.Count);
                var (winner, scores) = c.Infer();
                var t = twin.Infer(w);
                Assert.Equal(t.Winner, winner);
                Assert.Equal(t.Scores, scores);
                if (columns.Length < twin.WindowColumns)
                {
                    Assert.Equal(-1, winner);
                    Assert.All(scores, s => Assert.Equal(0, s));
                }
            }, iter: 60);
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Reset_starts_a_fresh_window(string profile)
    {
        var twin = ModelFiles.Load(profile);
        var native = ModelNative.Open(profile);
        ColumnGen.Plausible(twin, 2 * twin.WindowColumns).Sample(columns =>
        {
            using var reused = native.NewWindow();
            foreach (var col in columns.Take(twin.WindowColumns)) reused.Push(col);
            reused.Reset();
            Assert.Equal(0, reused.Count);
            using var fresh = native.NewWindow();
            foreach (var col in columns.Skip(twin.WindowColumns))
            {
                reused.Push(col);
                fresh.Push(col);
            }
            Assert.Equal(fresh.Trace(), reused.Trace(), new TraceComparer());
        }, iter: 20);
    }

    private static void AssertSameTrace(QuantizedModel twin, ModelNative native, short[][] columns)
    {
        var w = new ModelWindow(twin);
        using var c = native.NewWindow();
        foreach (var col in columns)
        {
            w.Push(col);
            c.Push(col);
        }
        var expected = twin.Infer(w);
        var actual = c.Trace();
        // Stage by stage, so a failure names the first stage that diverges.
        Assert.Equal(expected.Stats, actual.Stats);
        Assert.Equal(expected.Inputs, actual.Inputs);
        Assert.Equal(expected.Hidden, actual.Hidden);
        Assert.Equal(expected.Logits, actual.Logits);
        Assert.Equal(expected.Scores, actual.Scores);
        Assert.Equal(expected.Winner, actual.Winner);
        var (winner, scores) = c.Infer();
        Assert.Equal(expected.Winner, winner);
        Assert.Equal(expected.Scores, scores);
    }

    private sealed class TraceComparer : IEqualityComparer<NativeModelTrace>
    {
        public bool Equals(NativeModelTrace? a, NativeModelTrace? b) =>
            a is not null && b is not null && a.Winner == b.Winner && a.Stats.SequenceEqual(b.Stats) && a.Inputs.SequenceEqual(b.Inputs)
            && a.Hidden.SequenceEqual(b.Hidden) && a.Logits.SequenceEqual(b.Logits) && a.Scores.SequenceEqual(b.Scores);

        public int GetHashCode(NativeModelTrace t) => t.Winner;
    }
}
