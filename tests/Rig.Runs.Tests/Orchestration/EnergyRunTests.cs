using System.Text.Json;
using Rig.Core.Runs;
using Rig.Runs.Orchestration;
using Rig.Simulation.Power;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>
/// `rig run --energy` end to end on a virtual board: the figure lands in run.json with its provenance; when the
/// measurement fails the rest of the run is kept and the figures that set the exit code (completeness, feature
/// mismatches) are untouched.
/// </summary>
public sealed class EnergyRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-energy-run-").FullName;

    private RunOptions Options(string name)
    {
        var playlist = Path.Combine(_dir, "tiny.yaml");
        File.WriteAllLines(playlist, ["name: tiny", "items:",
            "  - {name: c0, label: dog_bark, synth: dog_bark, seed: 101, duration: 0.6}",
            "  - {name: c1, label: disco, synth: disco, seed: 102, duration: 0.6}"]);
        return new RunOptions
        {
            Profile = "py32f003", Playlist = playlist, Boards = [BoardTarget.Parse("virtual")], Mode = RunMode.Inject,
            OutDir = Path.Combine(_dir, name), HistoryStore = Path.Combine(_dir, "history.db"), Energy = true,
        };
    }

    private static RunOutcome Run(RunOptions options) => Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(options));

    private static JsonElement PowerJson(RunOutcome o) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(o.RunDir, RunJson.FileName))).RootElement.GetProperty("power");

    [Fact]
    public void An_energy_run_records_the_median_spread_windows_and_which_clock_and_edges_it_came_from()
    {
        var o = Run(Options("measured"));
        var p = o.Result.Power!;
        Assert.True(p.Measured, p.Reason);
        var json = PowerJson(o);
        Assert.Equal("host", json.GetProperty("clock").GetString());
        Assert.Equal("gpio", json.GetProperty("windowSource").GetString());
        Assert.True(json.GetProperty("windows").GetInt32() >= 5);
        // On a starved host the sampler can miss conversions even after the runner lengthens the windows: then the
        // result must say so (the figure stays, marked), never pass a thin window off as a full one.
        var minSamples = json.GetProperty("minSamplesPerWindow").GetInt32();
        Assert.True(minSamples > 0);
        if (minSamples < 200) Assert.Contains($"held {minSamples} conversions, fewer than 200", p.Reason);
        else Assert.Null(p.Reason);
        Assert.True(json.GetProperty("spreadPercent").GetDouble() >= 0);
        Assert.True(json.GetProperty("netEnergyPerInferenceUj").GetDouble() < json.GetProperty("energyPerInferenceUj").GetDouble());
        Assert.True(json.GetProperty("idlePowerMw").GetDouble() > 0);
        Assert.Equal(MeasurementClock.Host, o.Result.Cycles!.Clock);
        Assert.False(Directory.Exists(Path.Combine(o.RunDir, "report")), "the report is the CLI's, made from run.json after the run");
    }

    [Fact]
    public void A_marker_that_never_rises_keeps_the_run_and_leaves_energy_null_with_the_reason()
    {
        var o = Run(Options("no-marker") with { EnergyFaults = new VirtualBenchFaults { MarkerDisconnected = true } });
        Assert.True(o.Result.Complete);
        Assert.Equal(2, o.Result.Clips.Count);
        Assert.Equal(0, o.Result.FeatureMismatches);
        var json = PowerJson(o);
        Assert.False(json.GetProperty("measured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("energyPerInferenceUj").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("idlePowerMw").ValueKind);
        Assert.Contains("never rose", json.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_board_that_speaks_protocol_v1_completes_its_run_without_energy()
    {
        var o = Run(Options("v1") with { VirtualBoardAsProtocolV1 = true, AnyImage = true }); // a v1 HELLO has no build id to check
        Assert.True(o.Result.Complete);
        Assert.Equal(0, o.Result.FeatureMismatches);
        Assert.False(o.Result.Power!.Measured);
        Assert.StartsWith("firmware has no BURST", o.Result.Power.Reason);
        Assert.Equal(JsonValueKind.Null, PowerJson(o).GetProperty("energyPerInferenceUj").ValueKind);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
