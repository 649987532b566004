using System.Text.Json.Nodes;
using Rig.Cli.Tests.Support;
using Rig.Core;

namespace Rig.Cli.Tests;

/// <summary>`rig run` through the built rig against the virtual board: files, exit codes, the summary it prints.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string TwoClips() => TwoClipPlaylist.Write(_tmp);

    private static JsonNode RunJsonOf(string dir) => JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "run.json")))!;

    [Fact]
    public void A_two_clip_run_writes_run_json_without_mismatches_and_prints_timing_and_power()
    {
        var dir = _tmp.Sub("run");
        var r = RigProcess.Run(_tmp.Path, "run", "--playlist", TwoClips(), "--out", dir, "--energy");
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = RunJsonOf(dir);
        Assert.Equal(0, (long)run["featureMismatches"]!);
        Assert.Equal(2, run["clips"]!.AsArray().Count);
        Assert.True((bool)run["complete"]!);
        var timing = run["timing"]!;
        Assert.Equal("host->board UART", (string)timing["physicalLimit"]!);
        Assert.Equal((double)timing["wireLimitSeconds"]!, (double)timing["physicalLimitSeconds"]!, 9);
        Assert.Contains("inject: accuracy", r.Out);
        Assert.Contains("physical limit: ", r.Out);
        Assert.Contains("the host->board UART", r.Out);
        Assert.Contains("µJ per inference gross, ", r.Out);
        Assert.Contains("net of idle (host time)", r.Out);
        Assert.Contains($"run: {Path.Combine(dir, "run.json")}", r.Out);
        // The CLI makes the report from run.json once the run is done (orchestration does not reference Rig.Reports).
        Assert.Contains($"report: {Path.Combine(dir, "report", "index.html")}", r.Out);
        var md = File.ReadAllText(Path.Combine(dir, "report", "report.md"));
        Assert.Contains("uJ gross", md);
        Assert.Contains("host time", md);
        Assert.True((bool)run["power"]!["measured"]!, (string?)run["power"]!["reason"]);
        Assert.Equal("host", (string)run["power"]!["clock"]!);
        Assert.Equal("gpio", (string)run["power"]!["windowSource"]!);
    }

    [Fact]
    public void A_second_run_into_the_same_folder_is_refused_and_resume_adds_a_session()
    {
        var dir = _tmp.Sub("again");
        var playlist = TwoClips();
        Assert.Equal(0, RigProcess.Run(_tmp.Path, "run", "--playlist", playlist, "--out", dir).ExitCode);
        var before = File.ReadAllText(Path.Combine(dir, "run.json"));

        var refused = RigProcess.Run(_tmp.Path, "run", "--playlist", playlist, "--out", dir);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"--out {dir} already holds a run", refused.Err);
        Assert.Contains($"pass --resume {dir}", refused.Err);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "run.json")));

        var resumed = RigProcess.Run(_tmp.Path, "run", "--resume", dir);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("whole run, 2 sessions", resumed.Out);
        Assert.Contains("power: not measured (run without --energy)", resumed.Out);
        var timing = RunJsonOf(dir)["timing"]!;
        Assert.Equal(2, (int)timing["sessions"]!);
        Assert.Equal(1.0, (double)timing["audioSeconds"]!, 9);
        Assert.Equal(0.0, (double)timing["sessionAudioSeconds"]!, 9);
    }

    [Fact]
    public void Acoustic_runs_name_the_audio_as_their_limit_and_report_the_return_stream()
    {
        var dir = _tmp.Sub("acoustic");
        var r = RigProcess.Run(_tmp.Path, "run", "--playlist", TwoClips(), "--out", dir, "--mode", "acoustic");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("physical limit: 1.00 s, the audio itself", r.Out);
        Assert.Contains("board->host stream (captured audio + features): ", r.Out);
        Assert.DoesNotContain("wire limit", r.Out);
        var timing = RunJsonOf(dir)["timing"]!;
        Assert.Equal("audio duration", (string)timing["physicalLimit"]!);
        Assert.Equal((double)timing["receiveLimitSeconds"]! <= 1.0, (bool)timing["uartKeepsUp"]!);
        Assert.Equal(!(bool)timing["uartKeepsUp"]!, r.Out.Contains("warning: the board->host stream", StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_with_a_bad_frontend_field_names_file_line_field_and_reason()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"));
        Assert.Contains("  fft_length: 128\n", yaml);
        var bad = _tmp.Sub("py32f003.yaml");
        File.WriteAllText(bad, yaml.Replace("  fft_length: 128\n", "  fft_length: 100\n", StringComparison.Ordinal));
        var line = Array.IndexOf(File.ReadAllLines(bad), "  fft_length: 100") + 1;
        var r = RigProcess.Run(_tmp.Path, "run", "--profile", bad, "--playlist", TwoClips(), "--out", _tmp.Sub("never"));
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(bad)}:{line}: frontend\.fft_length: \S", r.Err);
        Assert.False(Directory.Exists(_tmp.Sub("never")));
    }
}
