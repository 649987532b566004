using System.Text.RegularExpressions;
using Rig.Cli.Tests.Support;
using Rig.Core;
using YamlDotNet.RepresentationModel;

namespace Rig.Cli.Tests.Farm;

/// <summary>
/// The farm's nightly pipelines (.github/workflows/nightly.yml, .gitlab-ci.yml), parsed: a job for every profile in
/// profiles/ on runners labelled `rig` and the profile, `rig run --energy` then `rig gate` with the gate deciding the
/// job, the report uploaded whatever happened, and every `rig` command they run is one the real CLI's --help lists,
/// with options that command's --help lists.
/// </summary>
public sealed class NightlyPipelineTests : IDisposable
{
    private static readonly string GitHub = Path.Combine(RepoPaths.Root, ".github", "workflows", "nightly.yml");
    private static readonly string GitLab = Path.Combine(RepoPaths.Root, ".gitlab-ci.yml");

    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode? Get(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Text(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private static List<string> Texts(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => Text(c)!).ToList(),
        YamlScalarNode s => [s.Value!],
        _ => [],
    };

    private static IEnumerable<string> Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal);

    [Fact]
    public void The_github_workflow_has_a_job_per_profile_on_rig_runners_and_the_gate_decides_it()
    {
        var jobs = (YamlMappingNode)Get(Load(GitHub), "jobs")!;
        var job = Assert.Single(jobs.Children).Value;
        var profiles = Texts(Get(Get(Get(job, "strategy")!, "matrix")!, "profile"));
        Assert.Equal(Sorted(RepoProfiles.Names), Sorted(profiles));
        Assert.Equal(new[] { "self-hosted", "rig", "${{ matrix.profile }}" }, Texts(Get(job, "runs-on")));
        Assert.Equal("false", Text(Get(Get(job, "strategy")!, "fail-fast")));

        var steps = ((YamlSequenceNode)Get(job, "steps")!).Children;
        var run = steps.Single(s => Invocations(Text(Get(s, "run"))).Any(i => i.Command == "run"));
        var runCall = Invocations(Text(Get(run, "run"))).Single(i => i.Command == "run");
        Assert.Contains("--energy", runCall.Options);
        Assert.Equal("${{ matrix.profile }}", After(runCall, "--profile"));
        // The run's own exit code does not end the job: the gate after it decides.
        Assert.Equal("true", Text(Get(run, "continue-on-error")));

        // The image is flashed first, onto the board the run plays on; a flash that fails ends the job there.
        var flash = steps.Single(s => Invocations(Text(Get(s, "run"))).Any(i => i.Command == "flash"));
        var flashCall = Invocations(Text(Get(flash, "run"))).Single(i => i.Command == "flash");
        Assert.True(steps.IndexOf(flash) < steps.IndexOf(run), "the board is flashed after the run");
        Assert.Null(Get(flash, "continue-on-error"));
        Assert.Equal(After(runCall, "--profile"), After(flashCall, "--profile"));
        Assert.Equal(After(runCall, "--board"), After(flashCall, "--board"));

        var gate = steps.Single(s => Invocations(Text(Get(s, "run"))).Any(i => i.Command == "gate"));
        Assert.True(steps.IndexOf(gate) > steps.IndexOf(run), "the gate runs before the run");
        Assert.Null(Get(gate, "continue-on-error"));
        Assert.Null(Get(gate, "if"));
        Assert.Equal(After(runCall, "--out"), Invocations(Text(Get(gate, "run"))).Single().Words[0]);

        var upload = steps.Single(s => Text(Get(s, "uses"))?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true);
        Assert.True(steps.IndexOf(upload) > steps.IndexOf(gate));
        Assert.Equal("always()", Text(Get(upload, "if")));
        var paths = Text(Get(Get(upload, "with")!, "path"))!;
        // report/ holds index.html and junit.xml (ReportGenerator), written by `rig run` with the gate's checks.
        Assert.Contains("${{ env.RUN_DIR }}/report/", paths);
        Assert.Equal("runs/nightly-${{ matrix.profile }}", Text(Get(Get(job, "env")!, "RUN_DIR")));
        Assert.Equal("$RUN_DIR", After(runCall, "--out"));

        // actionlint knows the custom runner labels from .github/actionlint.yaml: `rig` and every profile.
        var lint = Load(Path.Combine(RepoPaths.Root, ".github", "actionlint.yaml"));
        Assert.Equal(Sorted(RepoProfiles.Names.Append("rig")), Sorted(Texts(Get(Get(lint, "self-hosted-runner")!, "labels"))));
    }

    [Fact]
    public void The_gitlab_pipeline_has_a_job_per_profile_on_rig_runners_and_the_gate_decides_it()
    {
        var job = Load(GitLab).Children.Select(kv => kv.Value).Single(v => Get(v, "script") is not null);
        var matrix = (YamlSequenceNode)Get(Get(job, "parallel")!, "matrix")!;
        Assert.Equal(Sorted(RepoProfiles.Names), Sorted(Texts(Get(Assert.Single(matrix.Children), "PROFILE"))));
        Assert.Equal(new[] { "rig", "$PROFILE" }, Texts(Get(job, "tags")));

        var script = Texts(Get(job, "script"));
        var runLine = script.Single(l => Invocations(l).Any(i => i.Command == "run"));
        var runCall = Invocations(runLine).Single();
        Assert.Contains("--energy", runCall.Options);
        Assert.Equal("$PROFILE", After(runCall, "--profile"));
        var flashLine = script.Single(l => Invocations(l).Any(i => i.Command == "flash"));
        var flashCall = Invocations(flashLine).Single();
        Assert.True(script.IndexOf(flashLine) < script.IndexOf(runLine), "the board is flashed after the run");
        Assert.DoesNotMatch(@"\|\||;|&&", flashLine); // a failed flash ends the job
        Assert.Equal("$PROFILE", After(flashCall, "--profile"));
        Assert.Equal(After(runCall, "--board"), After(flashCall, "--board"));
        // A failed run must not end the script before the gate (GitLab stops at the first failing line).
        Assert.Matches(@"\|\|", runLine);
        var last = Invocations(script[^1]).Single();
        Assert.Equal("gate", last.Command);
        Assert.Equal(After(runCall, "--out"), last.Words[0]);
        Assert.DoesNotMatch(@"\|\||;|&&", script[^1]);

        var artifacts = Get(job, "artifacts")!;
        Assert.Equal("always", Text(Get(artifacts, "when")));
        Assert.Contains("$RUN_DIR/report/", Texts(Get(artifacts, "paths")));
        Assert.Equal("$RUN_DIR/report/junit.xml", Text(Get(Get(artifacts, "reports")!, "junit")));
        Assert.Equal("runs/nightly-$PROFILE", Text(Get(Get(job, "variables")!, "RUN_DIR")));
    }

    [Fact]
    public void Every_rig_command_the_pipelines_run_is_in_rig_help_with_options_that_command_takes()
    {
        var calls = AllScripts().SelectMany(Invocations).ToList();
        Assert.True(calls.Count >= 4, string.Join("\n", calls));
        var help = RigProcess.Run(_tmp.Path, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        foreach (var command in calls.Select(c => c.Command).Distinct())
        {
            Assert.Matches($@"(?m)^\s+{Regex.Escape(command)}\s", help.Out);
            var commandHelp = RigProcess.Run(_tmp.Path, command, "--help");
            Assert.True(commandHelp.ExitCode == 0, commandHelp.ToString());
            foreach (var call in calls.Where(c => c.Command == command))
                foreach (var option in call.Options)
                    Assert.True(Regex.IsMatch(commandHelp.Out, $@"(?m)^\s+(-\w, )?{Regex.Escape(option)}\b"), $"`{call}`: rig {command} --help has no {option}\n{commandHelp.Out}");
        }
    }

    [Fact]
    public void Script_lines_are_read_as_a_shell_splits_them()
    {
        var calls = CiScript.RigInvocations("dotnet build rig/Rig.Cli -c Release\n: \"${X:?rig run}\" # rig mem\nrig run --board \"serial:/dev/a b\" \\\n  --energy || echo \"rig gate\"; rig gate runs/x").ToList();
        Assert.Equal(2, calls.Count);
        Assert.Equal("run", calls[0].Command);
        Assert.Equal(new[] { "--board", "serial:/dev/a b", "--energy" }, calls[0].Words);
        Assert.Equal(new[] { "--board", "--energy" }, calls[0].Options);
        Assert.Equal("gate", calls[1].Command);
        Assert.Equal(new[] { "runs/x" }, calls[1].Words);
    }

    private static IEnumerable<string> AllScripts()
    {
        foreach (var job in ((YamlMappingNode)Get(Load(GitHub), "jobs")!).Children.Select(kv => kv.Value))
            foreach (var step in ((YamlSequenceNode)Get(job, "steps")!).Children)
                if (Text(Get(step, "run")) is { } run) yield return run;
        foreach (var job in Load(GitLab).Children.Select(kv => kv.Value))
            foreach (var key in new[] { "before_script", "script", "after_script" })
                foreach (var line in Texts(Get(job, key)))
                    yield return line;
    }

    private static IReadOnlyList<RigInvocation> Invocations(string? script) => script is null ? [] : CiScript.RigInvocations(script).ToList();

    private static string? After(RigInvocation call, string option)
    {
        var i = call.Words.ToList().IndexOf(option);
        return i >= 0 && i + 1 < call.Words.Count ? call.Words[i + 1] : null;
    }
}
