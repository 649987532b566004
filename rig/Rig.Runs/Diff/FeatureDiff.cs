namespace Rig.Runs.Diff;

/// <summary>
/// Board feature columns against the golden model's, value by value. A column the board did not
/// send (or sent in excess) counts all its values as mismatching: a missing number is not a match.
/// </summary>
public sealed record FeatureDiff(int Frames, long MismatchingValues, int MaxAbsDifference, int? FirstDifferingColumn)
{
    public bool Agrees => MismatchingValues == 0;

    public static FeatureDiff Compare(IReadOnlyList<short[]> golden, IReadOnlyList<short[]> board)
    {
        long mismatches = 0;
        var maxAbs = 0;
        int? first = null;
        var frames = Math.Max(golden.Count, board.Count);
        for (var c = 0; c < frames; c++)
        {
            var g = c < golden.Count ? golden[c] : null;
            var b = c < board.Count ? board[c] : null;
            var columnMismatches = 0;
            if (g is null || b is null || g.Length != b.Length)
                columnMismatches = Math.Max(g?.Length ?? 0, b?.Length ?? 0);
            else
                for (var i = 0; i < g.Length; i++)
                {
                    var d = Math.Abs(g[i] - b[i]);
                    if (d == 0) continue;
                    columnMismatches++;
                    maxAbs = Math.Max(maxAbs, d);
                }
            if (columnMismatches > 0) first ??= c;
            mismatches += columnMismatches;
        }
        return new FeatureDiff(golden.Count, mismatches, maxAbs, first);
    }
}
