using System.Text.Json.Nodes;
using Rig.Core.Runs;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Output;

public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static ReportOptions Options => new() { LookUpDefaults = false };

    private string RunDir(Action<JsonObject>? edit = null, int seed = 9)
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, seed, new SampleRunShape { Clips = 6 });
        if (edit is not null)
        {
            var path = Path.Combine(dir, RunJson.FileName);
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            edit(json);
            File.WriteAllText(path, json.ToJsonString());
        }
        return dir;
    }

    private static string Refused(string dir) => Assert.Throws<InvalidDataException>(() => ReportGenerator.Write(dir, Options)).Message;

    [Fact]
    public void A_directory_that_does_not_exist_is_refused()
    {
        var dir = _tmp.Sub("nothing-here");
        Assert.Contains("no such run directory", Refused(dir));
    }

    [Fact]
    public void A_directory_without_run_json_is_refused()
    {
        var dir = _tmp.Sub("empty");
        Directory.CreateDirectory(dir);
        Assert.Contains("no run.json", Refused(dir));
        Assert.False(Directory.Exists(Path.Combine(dir, ReportGenerator.FolderName)));
    }

    [Fact]
    public void A_newer_schema_is_refused()
    {
        var msg = Refused(RunDir(j => j["schemaVersion"] = RunResult.CurrentSchemaVersion + 1));
        Assert.Contains("newer", msg);
        Assert.Contains("run.json", msg);
    }

    [Fact]
    public void A_missing_feature_file_is_refused_naming_the_clip()
    {
        var dir = RunDir();
        File.Delete(Path.Combine(dir, ClipFeatures.RelativePathFor(1)));
        var msg = Refused(dir);
        Assert.Contains("clips[1].featureFile", msg);
        Assert.Contains("missing", msg);
    }

    [Fact]
    public void A_missing_power_trace_is_refused()
    {
        var dir = RunDir();
        File.Delete(Path.Combine(dir, "power.csv"));
        Assert.Contains("power.traceFile", Refused(dir));
    }

    [Fact]
    public void A_malformed_power_trace_names_the_line_and_column()
    {
        var dir = RunDir();
        File.AppendAllText(Path.Combine(dir, "power.csv"), "1.5,lots,0\n");
        var msg = Refused(dir);
        Assert.Contains("power.csv:3002", msg);
        Assert.Contains("power_mw", msg);
    }

    [Fact]
    public void A_feature_file_with_ragged_columns_is_refused()
    {
        var dir = RunDir();
        File.WriteAllText(Path.Combine(dir, ClipFeatures.RelativePathFor(0)), """{"frames":2,"bands":3,"board":[[1,2,3],[1,2]],"golden":[[1,2,3],[1,2,3]]}""");
        var msg = Refused(dir);
        Assert.Contains("board column 1", msg);
        Assert.Contains("0000.json", msg);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../outside.json")]
    public void A_feature_file_outside_the_run_directory_is_refused(string path)
    {
        var msg = Refused(RunDir(j => j["clips"]![0]!["featureFile"] = path));
        Assert.Contains("clips[0].featureFile", msg);
        Assert.Contains("inside the run directory", msg);
    }

    [Fact]
    public void Accuracy_outside_zero_to_one_is_refused()
    {
        Assert.Contains("accuracy", Refused(RunDir(j => j["accuracy"] = 87.5)));
    }

    [Fact]
    public void A_confusion_matrix_of_the_wrong_shape_is_refused()
    {
        Assert.Contains("confusion.counts", Refused(RunDir(j => j["confusion"]!["counts"]!.AsArray().RemoveAt(0))));
    }

    [Fact]
    public void Broken_json_is_refused_with_the_file()
    {
        var dir = RunDir();
        File.WriteAllText(Path.Combine(dir, RunJson.FileName), "{\"runId\": ");
        Assert.Contains("run.json", Refused(dir));
    }
}
