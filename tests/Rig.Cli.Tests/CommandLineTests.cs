using System.CommandLine;
using System.Reflection;
using System.Text.Json;
using Rig.Cli.Commands;
using Rig.Core;
using Rig.Reports.Tests.Support;

namespace Rig.Cli.Tests;

/// <summary>The `rig` command line as a user meets it: help, bad input, and the main job on a tiny playlist.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Dir(string name) => Directory.CreateDirectory(_tmp.Sub(name)).FullName;

    /// <summary>Every Commands/*Command.Create() in the assembly, so a command left out of Program.cs is caught.</summary>
    private static IEnumerable<string> AllCommandNames() =>
        typeof(RunCommand).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RunCommand).Namespace && t.Name.EndsWith("Command", StringComparison.Ordinal))
            .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .Where(m => m?.ReturnType == typeof(Command))
            .Select(m => ((Command)m!.Invoke(null, null)!).Name);

    private string TinyPlaylist()
    {
        var path = Path.Combine(Dir("playlist"), "tiny.yaml");
        File.WriteAllText(path, """
            name: tiny
            items:
              - {name: bark, label: dog_bark, synth: dog_bark, seed: 901, duration: 1.0}
              - {name: hum, label: background, synth: background, seed: 902, duration: 1.0}
            """);
        return path;
    }

    [Fact]
    public void Help_lists_every_command()
    {
        var help = RigProcess.Run("--help");
        Assert.Equal(0, help.ExitCode);
        var names = AllCommandNames().ToList();
        Assert.Contains("run", names);
        Assert.All(names, n => Assert.Matches($@"(?m)^\s+{n}\b", help.Stdout));
    }

    [Fact]
    public void An_unknown_profile_exits_2_naming_the_file_and_the_known_profiles()
    {
        var r = RigProcess.Run("run", "--profile", "nosuch", "--out", _tmp.Sub("never"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nosuch.yaml", r.Stderr);
        foreach (var known in ProfileNames()) Assert.Contains(known, r.Stderr);
    }

    [Fact]
    public void A_bad_frontend_field_is_refused_with_file_line_field_and_reason()
    {
        var good = File.ReadAllLines(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"));
        var line = Array.FindIndex(good, l => l.TrimStart().StartsWith("fft_length:", StringComparison.Ordinal)) + 1;
        var path = Path.Combine(Dir("profiles"), "broken.yaml");
        File.WriteAllLines(path, good.Select(l => l.Replace("fft_length: 128", "fft_length: 100")));
        var r = RigProcess.Run("crosscheck", "--profile", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{path}:{line}: frontend.fft_length: 100 is not a power of two", r.Stderr);
    }

    [Fact]
    public void Crosscheck_json_reports_zero_mismatches_for_the_committed_tables()
    {
        var r = RigProcess.Run("crosscheck", "--profile", "py32f003", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("py32f003", doc.RootElement.GetProperty("profile").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("mismatches").GetInt64());
        Assert.True(doc.RootElement.GetProperty("frames").GetInt32() > 0);
        Assert.True(doc.RootElement.GetProperty("ramBytes").GetInt32() <= 1024);
    }

    [Fact]
    public void Run_on_a_virtual_board_writes_a_bit_exact_run_and_refuses_to_overwrite_it()
    {
        var outDir = Path.Combine(Dir("runs"), "tiny");
        var store = Path.Combine(Dir("store"), "history.db");
        var r = RigProcess.Run("run", "--playlist", TinyPlaylist(), "--out", outDir, "--store", store);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var run = Rig.Core.Runs.RunJson.Read(outDir);
        Assert.Equal(2, run.Clips.Count);
        Assert.Equal(0, run.FeatureMismatches);
        Assert.Equal("py32f003", run.Profile);
        Assert.Contains("wire limit", r.Stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "report", "index.html")));

        var again = RigProcess.Run("run", "--playlist", TinyPlaylist(), "--out", outDir, "--store", store);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Stderr);
    }

    [Fact]
    public void Sounds_render_writes_a_wav_and_a_spectrogram_per_clip()
    {
        var outDir = _tmp.Sub("sounds");
        var r = RigProcess.Run("sounds", "render", "--playlist", TinyPlaylist(), "--out", outDir, "--rate", "8000");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.Equal(2, Directory.GetFiles(outDir, "*.wav").Length);
        Assert.Equal(2, Directory.GetFiles(outDir, "*.png").Length);
        Assert.All(Directory.GetFiles(outDir, "*.wav"), f => Assert.True(new FileInfo(f).Length > 44 + 8000));
    }

    private static IEnumerable<string> ProfileNames() =>
        Directory.GetFiles(RepoPaths.Profiles, "*.yaml").Select(Path.GetFileNameWithoutExtension)!;
}
