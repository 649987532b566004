using System.Text.Json;

namespace Rig.Core.Runs;

/// <summary>
/// One clip's feature columns as the board sent them and as the golden model computed them
/// (frames x bands, Q15 log-mel). Stored next to run.json as features/&lt;index&gt;.json so the report
/// can draw the board-vs-golden spectrogram and the difference heatmap.
/// </summary>
public sealed record ClipFeatures(int Frames, int Bands, short[][] Board, short[][] Golden)
{
    public const string Folder = "features";

    private static readonly JsonSerializerOptions s_compact = new(RunJson.Options) { WriteIndented = false };

    public static string RelativePathFor(int clipIndex) => Path.Combine(Folder, $"{clipIndex:D4}.json");

    /// <summary>Writes the file and returns its name relative to the run directory (for <see cref="ClipResult.FeatureFile"/>).</summary>
    public static string Write(string runDir, int clipIndex, IReadOnlyList<short[]> board, IReadOnlyList<short[]> golden)
    {
        var bands = golden.Count > 0 ? golden[0].Length : board.Count > 0 ? board[0].Length : 0;
        var relative = RelativePathFor(clipIndex);
        var features = new ClipFeatures(Math.Max(board.Count, golden.Count), bands, [.. board], [.. golden]);
        features.Validate(relative);
        var path = Path.Combine(runDir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(features, s_compact));
        File.Move(tmp, path, overwrite: true);
        return relative;
    }

    public static ClipFeatures Read(string runDir, string relativePath)
    {
        var path = Path.Combine(runDir, relativePath);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: feature file named in run.json does not exist");
        ClipFeatures? f;
        try
        {
            f = JsonSerializer.Deserialize<ClipFeatures>(File.ReadAllText(path), RunJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        if (f is null) throw new InvalidDataException($"{path}: empty feature file");
        f.Validate(path);
        return f;
    }

    private void Validate(string where)
    {
        if (Board is null || Golden is null) throw new InvalidDataException($"{where}: board and golden are both required (may be empty arrays)");
        if (Board.Length > Frames || Golden.Length > Frames) throw new InvalidDataException($"{where}: frames is {Frames} but board has {Board.Length} and golden {Golden.Length} columns");
        for (var i = 0; i < Board.Length; i++)
            if (Board[i] is null || Board[i].Length != Bands) throw new InvalidDataException($"{where}: board column {i} has {Board[i]?.Length ?? 0} values, expected bands = {Bands}");
        for (var i = 0; i < Golden.Length; i++)
            if (Golden[i] is null || Golden[i].Length != Bands) throw new InvalidDataException($"{where}: golden column {i} has {Golden[i]?.Length ?? 0} values, expected bands = {Bands}");
    }
}
