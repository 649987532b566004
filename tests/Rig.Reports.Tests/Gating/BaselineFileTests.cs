using Rig.Reports.Gating;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Gating;

public sealed class BaselineFileTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_baseline_written_from_a_run_reads_back_equal_and_carries_its_figures()
    {
        var run = SampleRun.Write(_tmp.Sub("run"), 21);
        var baseline = Baseline.From(run);
        var path = _tmp.Sub("baselines/py32f003.json");
        BaselineFile.Write(path, baseline);
        var back = BaselineFile.Read(path);
        Assert.Equal(baseline, back);
        Assert.Equal(run.Accuracy * 100, back.AccuracyPercent, 9);
        Assert.Equal(run.Memory!.FlashBytes, back.FlashBytes);
        Assert.Equal(run.Cycles!.ModelPerInference.Median, back.ModelCyclesMedian);
        Assert.Equal(run.ConfigHash, back.ConfigHash);
    }

    [Fact]
    public void A_baseline_keeps_the_runs_model_mismatches_and_one_from_before_the_field_reads_none()
    {
        var run = SampleRun.Write(_tmp.Sub("run-model"), 22, new SampleRunShape { ModelMismatchClips = 3 });
        var path = _tmp.Sub("baselines/stm32l4.json");
        BaselineFile.Write(path, Baseline.From(run));
        Assert.Equal(run.ModelMismatches, BaselineFile.Read(path).ModelMismatches);
        Assert.True(run.ModelMismatches > 0);

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("modelMismatches");
        File.WriteAllText(path, json.ToJsonString());
        Assert.Equal(0, BaselineFile.Read(path).ModelMismatches);
    }

    [Fact]
    public void A_newer_baseline_schema_is_refused()
    {
        var path = _tmp.Sub("b.json");
        File.WriteAllText(path, """{"schemaVersion": 7, "profile": "py32f003"}""");
        var e = Assert.Throws<InvalidDataException>(() => BaselineFile.Read(path));
        Assert.Contains("newer", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"schemaVersion": 1, "profile": "", "configHash": "0x1", "runId": "r", "mode": "inject", "board": "virtual", "playlist": "p", "accuracyPercent": 90}""")]
    public void A_malformed_baseline_is_refused_with_its_path(string text)
    {
        var path = _tmp.Sub("b.json");
        File.WriteAllText(path, text);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => BaselineFile.Read(path)).Message);
    }

    [Fact]
    public void A_missing_baseline_is_refused_with_its_path()
    {
        var path = _tmp.Sub("none.json");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => BaselineFile.Read(path)).Message);
    }
}
