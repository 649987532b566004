using Rig.Core.Runs;
using Rig.Runs.Orchestration;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>Short runs for orchestration tests: a playlist of 0.6 s synthetic clips and options writing under one folder.</summary>
internal static class TinyRuns
{
    public static string Playlist(string dir, int clips)
    {
        var labels = new[] { "jazz", "dog_bark", "metal", "background", "disco", "jackhammer" };
        var lines = new List<string> { "name: tiny", "items:" };
        for (var i = 0; i < clips; i++) lines.Add($"  - {{name: c{i}, label: {labels[i % labels.Length]}, synth: {labels[i % labels.Length]}, seed: {100 + i}, duration: 0.6}}");
        var path = Path.Combine(dir, "tiny.yaml");
        File.WriteAllLines(path, lines);
        return path;
    }

    public static RunOptions Options(string dir, string playlist, string outDir, params string[] boards) => new()
    {
        Profile = "py32f003",
        Playlist = playlist,
        Boards = (boards.Length == 0 ? ["virtual"] : boards).Select(BoardTarget.Parse).ToList(),
        Mode = RunMode.Inject,
        OutDir = outDir,
        HistoryStore = Path.Combine(dir, "history.db"),
    };
}
