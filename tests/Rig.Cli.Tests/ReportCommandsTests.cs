using System.CommandLine;
using System.Text.Json.Nodes;
using Rig.Cli.Commands;
using Rig.Core.Runs;

namespace Rig.Cli.Tests;

/// <summary>`rig report`, `rig baseline accept` and `rig gate` end to end through their command lines: files written and exit codes.</summary>
public sealed class ReportCommandsTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static int Rig(Command command, params string[] args)
    {
        var root = new RootCommand { command };
        return root.Parse([command.Name, .. args]).Invoke();
    }

    [Fact]
    public void Report_writes_index_markdown_and_junit()
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, 1, new SampleRunShape { Clips = 8 });
        Assert.Equal(0, Rig(ReportCommand.Create(), dir, "--baseline", WriteBaseline(dir)));
        foreach (var f in new[] { "index.html", "report.md", "junit.xml" })
            Assert.True(File.Exists(Path.Combine(dir, "report", f)), f);
    }

    [Fact]
    public void Report_of_a_missing_run_dir_exits_2()
    {
        Assert.Equal(2, Rig(ReportCommand.Create(), _tmp.Sub("nothing")));
    }

    [Fact]
    public void Gate_exits_0_on_its_own_baseline_1_on_a_regression_and_2_on_another_config()
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, 2, new SampleRunShape { Clips = 12, MismatchClips = 0 });
        var baseline = WriteBaseline(dir);
        Assert.Equal(0, Rig(GateCommand.Create(), "--baseline", baseline, dir));

        var json = JsonNode.Parse(File.ReadAllText(baseline))!;
        json["accuracyPercent"] = json["accuracyPercent"]!.GetValue<double>() + 10;
        File.WriteAllText(baseline, json.ToJsonString());
        Assert.Equal(1, Rig(GateCommand.Create(), "--baseline", baseline, dir));

        json["configHash"] = "0xother";
        File.WriteAllText(baseline, json.ToJsonString());
        Assert.Equal(2, Rig(GateCommand.Create(), "--baseline", baseline, dir));
    }

    [Fact]
    public void Baseline_accept_refuses_an_unfinished_run()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 3, new SampleRunShape { Clips = 4 });
        RunJson.Write(dir, run with { Complete = false });
        var path = _tmp.Sub("b.json");
        Assert.Equal(2, Rig(BaselineCommand.Create(), "accept", dir, "--out", path));
        Assert.False(File.Exists(path));
    }

    private string WriteBaseline(string runDir)
    {
        var path = _tmp.Sub("baselines/py32f003.json");
        Assert.Equal(0, Rig(BaselineCommand.Create(), "accept", runDir, "--out", path));
        Assert.True(File.Exists(path));
        return path;
    }
}
