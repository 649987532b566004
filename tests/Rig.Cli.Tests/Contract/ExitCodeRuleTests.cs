using System.Text.Json.Nodes;
using Rig.Cli.Tests.Support;
using Rig.Core.Runs;

namespace Rig.Cli.Tests.Contract;

/// <summary>
/// The README's exit-code rule, held over every command: 0 success, 1 only for a measured failure, 2 for bad input or
/// cannot compare, always with an "error:" line naming what is wrong, and no stack trace unless --verbose.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExitCodeRuleTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>A bad-input invocation of every command (the test fails when a command is added without one).</summary>
    private Dictionary<string, string[]> BadInvocations()
    {
        var notJson = _tmp.Sub("array-run");
        Directory.CreateDirectory(notJson);
        File.WriteAllText(Path.Combine(notJson, RunJson.FileName), "[]");
        return new()
        {
            ["mem"] = ["mem", "--profile", "py32f003", _tmp.Sub("no.elf")],
            ["emulate"] = ["emulate", _tmp.Sub("no.elf"), "--profile", "py32f003"],
            ["profile"] = ["profile", "--profile", "no-such-board"],
            ["run"] = ["run", "--playlist", _tmp.Sub("no-playlist.yaml"), "--out", _tmp.Sub("out")],
            ["flash"] = ["flash", "--profile", "py32f003", _tmp.Sub("no.elf"), "--via", "picotool"],
            ["model"] = ["model", "import", _tmp.Sub("no.tflite"), "--profile", "py32f003"],
            ["report"] = ["report", notJson],
            ["history"] = ["history", "--profile", "no-such-board", "--store", _tmp.Sub("none.db")],
            ["gate"] = ["gate", notJson],
            ["baseline"] = ["baseline", "accept", notJson, "--out", _tmp.Sub("b.json")],
            ["power"] = ["power", "--profile", "no-such-board"],
            ["tables"] = ["tables"],
            ["crosscheck"] = ["crosscheck", "--profile", "no-such-board"],
            ["train"] = ["train", "--profile", "no-such-board", "--playlist", _tmp.Sub("no-playlist.yaml")],
            ["playlist"] = ["playlist", "mixed", "--out", _tmp.Sub("mixed.yaml"), "--per-label", "0"],
            ["sounds"] = ["sounds", "render", "--playlist", _tmp.Sub("no-playlist.yaml"), "--out", _tmp.Sub("render")],
        };
    }

    private static void AssertRefused(InProcessOutcome o, string because)
    {
        Assert.True(o.ExitCode == 2, $"{because}: {o}");
        Assert.Null(o.Bug);
        Assert.StartsWith("error: ", o.Err);
        Assert.DoesNotMatch(@"(?m)^\s+at \S", o.Err);
    }

    [Fact]
    public void Every_command_answers_bad_input_with_exit_2_and_a_message_without_a_stack_trace()
    {
        var cases = BadInvocations();
        Assert.Equal(CliSurfaceTests.AllCommands().Select(c => c.Name).Order(), cases.Keys.Order());
        foreach (var (name, args) in cases) AssertRefused(InProcessRig.Run(args), $"rig {name}");
    }

    [Fact]
    public void Every_command_refuses_an_unknown_option_and_a_missing_argument_with_exit_2()
    {
        foreach (var name in CliSurfaceTests.AllCommands().Select(c => c.Name))
        {
            AssertRefused(InProcessRig.Run(name, "--no-such-option"), $"rig {name} --no-such-option");
        }
        AssertRefused(InProcessRig.Run("history"), "rig history without --profile");
        AssertRefused(InProcessRig.Run("gate"), "rig gate without a run directory");
        AssertRefused(InProcessRig.Run(), "rig without a command");
    }

    [Theory]
    [InlineData("[]", "(root): expected a JSON object")]
    [InlineData("null", "(root): expected a JSON object")]
    [InlineData("42", "(root): expected a JSON object")]
    [InlineData("{\"runId\":", "not valid JSON")]
    public void Report_gate_and_baseline_refuse_a_run_json_that_is_not_a_run(string text, string expected)
    {
        var dir = _tmp.Sub("run");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, RunJson.FileName);
        File.WriteAllText(path, text);
        foreach (var args in new[] { new[] { "report", dir }, ["gate", dir], ["baseline", "accept", dir, "--out", _tmp.Sub("b.json")] })
        {
            var o = InProcessRig.Run(args);
            AssertRefused(o, string.Join(' ', args));
            Assert.Contains(path, o.Err);
            Assert.Contains(expected, o.Err);
        }
    }

    [Theory]
    [InlineData("[]", "(root): expected a JSON object")]
    [InlineData("null", "(root): expected a JSON object")]
    [InlineData("accuracyPercent=-50", "accuracyPercent: -50 is not a percentage")]
    [InlineData("accuracyPercent=150", "accuracyPercent: 150 is not a percentage")]
    [InlineData("featureMismatches=-3", "featureMismatches: -3 is negative")]
    [InlineData("-frontendCyclesMedian", "frontendCyclesMedian: missing")]
    [InlineData("-energyPerInferenceUj", "energyPerInferenceUj: missing")]
    [InlineData("clips=0", "clips: 0")]
    [InlineData("ramBytes=-1", "ramBytes: -1")]
    [InlineData("accuracyPercnt=90", "accuracyPercnt")]
    [InlineData("profile=null", "profile")]
    public void Gate_refuses_an_inconsistent_baseline_naming_the_field(string change, string expected)
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, 2, new SampleRunShape { Clips = 12, MismatchClips = 0 });
        var baseline = _tmp.Sub("baseline.json");
        Assert.Equal(0, InProcessRig.Run("baseline", "accept", dir, "--out", baseline).ExitCode);
        Assert.Equal(0, InProcessRig.Run("gate", dir, "--baseline", baseline).ExitCode);
        File.WriteAllText(baseline, change.StartsWith('[') || change == "null" ? change : JsonEdit.Apply(File.ReadAllText(baseline), change));
        var o = InProcessRig.Run("gate", dir, "--baseline", baseline);
        AssertRefused(o, change);
        Assert.Contains(baseline, o.Err);
        Assert.Contains(expected, o.Err);
    }

    [Theory]
    [InlineData("-clips", "clips: missing")]
    [InlineData("clips=[]", "clips: a complete run has no clips")]
    [InlineData("featureMismatches=-5", "featureMismatches: -5 is negative")]
    [InlineData("featureMismatches=0", "featureMismatches: 0 but the clips' mismatchingValues add up to")]
    [InlineData("accuracy=0.05", "accuracy: 0.05 but")]
    [InlineData("accuracy=NaN", "accuracy: NaN is not a fraction")]
    [InlineData("clips.3.index=7", "clips[3].index: 7")]
    [InlineData("clips.2.mismatchingValues=-1", "clips[2].mismatchingValues: -1 is negative")]
    [InlineData("-clips.1.predicted", "clips[1].predicted: missing")]
    [InlineData("clips.1.label=null", "clips[1].label")]
    [InlineData("confusion.counts.0.0=99", "confusion.counts[0][0]: 99")]
    [InlineData("link.crcErrors=-1", "link.crcErrors: -1 is negative")]
    [InlineData("timing.wallSeconds=-2", "timing.wallSeconds: -2 is negative")]
    [InlineData("mode=\"sideways\"", "mode: 'sideways'")]
    [InlineData("schemaVersion=99", "schemaVersion: run.json schema version 99 is newer")]
    public void Report_gate_and_baseline_refuse_an_inconsistent_run_json_naming_the_field(string change, string expected)
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, 4, new SampleRunShape { Clips = 10, MismatchClips = 2 });
        var baseline = _tmp.Sub("baseline.json");
        Assert.Equal(0, InProcessRig.Run("baseline", "accept", dir, "--out", baseline).ExitCode);
        var path = Path.Combine(dir, RunJson.FileName);
        File.WriteAllText(path, JsonEdit.Apply(File.ReadAllText(path), change));
        foreach (var args in new[] { new[] { "report", dir }, ["gate", dir, "--baseline", baseline], ["baseline", "accept", dir, "--out", _tmp.Sub("b2.json")] })
        {
            var o = InProcessRig.Run(args);
            AssertRefused(o, $"{change}: {string.Join(' ', args)}");
            Assert.Contains(path, o.Err);
            Assert.Contains(expected, o.Err);
        }
    }

    [Fact]
    public void Gate_refuses_an_incomplete_run_with_exit_2_even_when_a_figure_regressed()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 2, new SampleRunShape { Clips = 12, MismatchClips = 0 });
        var baseline = _tmp.Sub("baseline.json");
        Assert.Equal(0, InProcessRig.Run("baseline", "accept", dir, "--out", baseline).ExitCode);
        File.WriteAllText(baseline, JsonEdit.Apply(File.ReadAllText(baseline), "accuracyPercent=100"));
        Assert.Equal(1, InProcessRig.Run("gate", dir, "--baseline", baseline).ExitCode);
        RunJson.Write(dir, run with { Complete = false });
        var o = InProcessRig.Run("gate", dir, "--baseline", baseline);
        Assert.Equal(2, o.ExitCode);
        Assert.Contains("gate: cannot compare", o.Out);
    }

    [Fact]
    public void Verbose_shows_the_stack_trace_that_is_otherwise_withheld()
    {
        var dir = _tmp.Sub("run");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, RunJson.FileName), "{\"runId\": ");
        var quiet = InProcessRig.Run("gate", dir);
        var verbose = InProcessRig.Run("gate", dir, "--verbose");
        Assert.Equal((2, 2), (quiet.ExitCode, verbose.ExitCode));
        Assert.DoesNotMatch(@"(?m)^\s+at \S", quiet.Err);
        Assert.Matches(@"(?m)^\s+at Rig\.", verbose.Err);
    }

    [Fact]
    public void The_real_process_exits_2_without_a_stack_trace_on_a_run_json_that_is_null()
    {
        var dir = _tmp.Sub("run");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, RunJson.FileName), "null");
        var o = RigProcess.Run(_tmp.Path, "gate", dir);
        Assert.Equal(2, o.ExitCode);
        Assert.Contains("run.json: (root): expected a JSON object", o.Err);
        Assert.DoesNotContain("   at ", o.Err);
        Assert.DoesNotContain("Unhandled", o.Err);
    }
}

/// <summary>Small edits of a JSON text for tests: "a.b.0.c=value" sets (value is JSON; NaN becomes the named literal run.json allows), "-a.b" deletes.</summary>
internal static class JsonEdit
{
    public static string Apply(string json, string change)
    {
        var root = JsonNode.Parse(json)!;
        var delete = change.StartsWith('-');
        var (path, value) = delete ? (change[1..], null) : (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
        var keys = path.Split('.');
        var parent = keys[..^1].Aggregate(root, (node, key) => int.TryParse(key, out var i) ? node[i]! : node[key]!);
        var last = keys[^1];
        if (delete) parent.AsObject().Remove(last);
        else
        {
            var node = value == "NaN" ? JsonValue.Create("NaN") : JsonNode.Parse(value!);
            if (int.TryParse(last, out var i)) parent[i] = node;
            else parent[last] = node;
        }
        return root.ToJsonString();
    }
}
