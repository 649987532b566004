using Rig.Protocol.Messages;

namespace Rig.Runs.Diff;

/// <summary>
/// The board's model output per window against the golden twin's, value by value, as <see cref="FeatureDiff"/> does
/// for columns: the int8 output when both sides have it (a graph board's RESULT carries it), else the Q15 scores (the
/// MLP). A window only one side has counts all its values as differing.
/// </summary>
public sealed record ModelDiff(int Windows, long MismatchingValues, int? FirstDifferingWindow)
{
    public bool Agrees => MismatchingValues == 0;

    public static ModelDiff Compare(IReadOnlyList<GoldenWindow> golden, IReadOnlyList<WindowResult> board)
    {
        var byIndex = new Dictionary<long, WindowResult>();
        foreach (var b in board) byIndex[b.Window] = b;
        var count = Math.Max(golden.Count, byIndex.Count == 0 ? 0 : (int)Math.Min(int.MaxValue, byIndex.Keys.Max() + 1));
        long mismatches = 0;
        int? first = null;
        for (var w = 0; w < count; w++)
        {
            var g = w < golden.Count ? golden[w] : null;
            var b = byIndex.GetValueOrDefault(w);
            var differing = (g, b) switch
            {
                (null, null) => 0,
                (null, { } only) => only.Outputs?.Length ?? only.Scores.Length,
                ({ } only, null) => only.Int8?.Length ?? only.Scores.Length,
                ({ Int8: { } gq }, { Outputs: { } bq }) => Differing(gq, bq),
                ({ } gs, { } bs) => Differing(gs.Scores, bs.Scores),
            };
            if (differing > 0) first ??= w;
            mismatches += differing;
        }
        return new ModelDiff(golden.Count, mismatches, first);
    }

    /// <summary>Values at the same index that differ, plus every value only one side has.</summary>
    public static int Differing<T>(IReadOnlyList<T> golden, IReadOnlyList<T> board) where T : IEquatable<T>
    {
        var n = Math.Min(golden.Count, board.Count);
        var d = Math.Abs(golden.Count - board.Count);
        for (var i = 0; i < n; i++)
            if (!golden[i].Equals(board[i])) d++;
        return d;
    }
}
