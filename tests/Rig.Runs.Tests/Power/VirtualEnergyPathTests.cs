using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Runs.Power;
using Rig.Simulation.Power;
using Xunit.Abstractions;

namespace Rig.Runs.Tests.Power;

/// <summary>
/// Energy through the whole real-board path on a native virtual board: serial link, BURST and IDLE, the marker
/// through a virtual GPIO line read by System.Device.Gpio and GpioMarkerInput, a register-level virtual INA219 on
/// an I2cDevice fed by the power model over the board's own run/sleep edges, the real driver and sampler, the
/// runner's windows and medians. The figure is checked against the model's truth (the same current integrated
/// over the board's own marker edges).
/// </summary>
public class VirtualEnergyPathTests(ITestOutputHelper output)
{
    private static PowerResult Measure(EnergyBoard b, BoardProfile profile, VirtualBenchFaults? faults = null, string? dir = null) =>
        RunEnergy.Measure(profile, b.Session, b.Board, dir ?? Directory.CreateTempSubdirectory("rig-energy-").FullName, b.OneWindow(), b.Options,
            TimeProvider.System, faults);

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Energy_per_inference_is_within_2_percent_of_the_models_truth_over_5_gpio_windows_of_200_conversions(string name)
    {
        using var b = new EnergyBoard(name);
        var dir = Directory.CreateTempSubdirectory("rig-energy-").FullName;
        var p = Measure(b, b.Profile, dir: dir);
        Assert.True(p.Measured, p.Reason);
        output.WriteLine($"{name}: gross {p.EnergyPerInferenceUj:F4} uJ vs truth {p.TruthEnergyPerInferenceUj:F4}; net {p.NetEnergyPerInferenceUj:F4} vs {p.TruthNetEnergyPerInferenceUj:F4}; " +
                         $"spread {p.SpreadPercent:F1} %, windows {p.Windows}, min samples {p.MinSamplesPerWindow}, idle {p.IdlePowerMw:F4} mW ({p.IdleSamples} samples), K {p.InferencesInWindow}, window {p.WindowSeconds:F3} s");
        var gross = Math.Abs(p.EnergyPerInferenceUj!.Value - p.TruthEnergyPerInferenceUj!.Value) / p.TruthEnergyPerInferenceUj.Value;
        Assert.True(gross < 0.02, $"gross {p.EnergyPerInferenceUj} uJ vs truth {p.TruthEnergyPerInferenceUj} uJ ({gross:P2})");
        var net = Math.Abs(p.NetEnergyPerInferenceUj!.Value - p.TruthNetEnergyPerInferenceUj!.Value) / p.TruthNetEnergyPerInferenceUj.Value;
        Assert.True(net < 0.02, $"net {p.NetEnergyPerInferenceUj} uJ vs truth {p.TruthNetEnergyPerInferenceUj} uJ ({net:P2})");
        Assert.True(p.Windows >= 5 && p.IdleWindows >= 5);
        Assert.True(p.MinSamplesPerWindow >= 200, $"{p.MinSamplesPerWindow} conversions in the thinnest window");
        Assert.True(p.IdleSamples >= 200, $"{p.IdleSamples} conversions in the thinnest idle window");
        Assert.NotNull(p.SpreadPercent);
        Assert.Equal(5, p.WindowEnergiesUj!.Count);
        Assert.Equal(MeasurementClock.Host, p.Clock);
        Assert.Equal(PowerWindowSource.Gpio, p.WindowSource);
        Assert.True(p.IdlePowerMw < p.ActivePowerMw);
        Assert.True(File.Exists(Path.Combine(dir, p.TraceFile!)));
    }

    [Fact]
    public void Without_a_marker_wire_windows_are_cut_on_the_messages_less_the_measured_latency()
    {
        using var b = new EnergyBoard("stm32l4");
        var p = Measure(b, b.Profile, new VirtualBenchFaults { NoMarker = true });
        Assert.True(p.Measured, p.Reason);
        Assert.Equal(PowerWindowSource.Messages, p.WindowSource);
        Assert.True(p.LatencyMs > 0);
        var error = Math.Abs(p.EnergyPerInferenceUj!.Value - p.TruthEnergyPerInferenceUj!.Value) / p.TruthEnergyPerInferenceUj.Value;
        output.WriteLine($"messages: {p.EnergyPerInferenceUj:F4} vs {p.TruthEnergyPerInferenceUj:F4} uJ ({error:P2}), latency {p.LatencyMs:F3} ms");
        Assert.True(error < 0.05, $"{p.EnergyPerInferenceUj} vs truth {p.TruthEnergyPerInferenceUj} ({error:P2})");
    }

    [Fact]
    public void A_v1_board_runs_but_energy_is_not_measured_because_its_firmware_has_no_burst()
    {
        using var b = new EnergyBoard("py32f003", asProtocolV1: true);
        Assert.Equal(1, b.Session.Hello.ProtocolVersion);
        var clip = b.Session.PlayInject("clip", b.OneWindow(), b.Profile.Classifier.WindowColumns, b.Profile.Classifier.WindowHopColumns);
        Assert.Single(clip.Windows);
        var p = Measure(b, b.Profile);
        Assert.False(p.Measured);
        Assert.StartsWith("firmware has no BURST", p.Reason);
        Assert.Null(p.EnergyPerInferenceUj);
    }

    [Fact]
    public void A_k_over_the_profiles_longest_window_is_refused_before_asking_the_board()
    {
        using var b = new EnergyBoard("py32f003");
        var tight = b.Profile with { Power = b.Profile.Power with { MaxWindowSeconds = 0.01 } };
        var p = Measure(b, tight);
        Assert.False(p.Measured);
        Assert.Contains("power.max_window_s", p.Reason);
        Assert.Contains("refused", p.Reason);
        // Only the short calibration bursts ran (the board stops them at the 10 ms budget), never the refused window.
        var (rise, fall) = b.Board.PowerLine!.LastMarked!.Value;
        Assert.True(fall - rise < 50_000_000, $"a {(fall - rise) / 1e6:F1} ms marked stretch ran");
    }

    [Fact]
    public void A_k_over_the_boards_watchdog_is_refused_naming_the_watchdog()
    {
        using var b = new EnergyBoard("py32f003");
        var dog = b.Profile with { Power = b.Profile.Power with { WatchdogMs = 20 } };
        var p = Measure(b, dog);
        Assert.False(p.Measured);
        Assert.Contains("watchdog", p.Reason);
    }

    [Fact]
    public void A_marker_line_that_never_rises_leaves_energy_not_measured_with_the_reason()
    {
        using var b = new EnergyBoard("py32f003");
        var p = Measure(b, b.Profile, new VirtualBenchFaults { MarkerDisconnected = true });
        Assert.False(p.Measured);
        Assert.Contains("never rose", p.Reason);
        Assert.Contains("GPIO 17", p.Reason);
    }

    [Fact]
    public void An_ina219_that_stops_acknowledging_leaves_energy_not_measured_with_the_reason()
    {
        using var b = new EnergyBoard("py32f003");
        var p = Measure(b, b.Profile, new VirtualBenchFaults { NakAfterTransfers = 60 });
        Assert.False(p.Measured);
        Assert.Contains("acknowledge", p.Reason);
    }

    [Fact]
    public void An_ina219_overflow_leaves_energy_not_measured_with_the_reason()
    {
        using var b = new EnergyBoard("py32f003");
        // A board drawing ~120 mA through a monitor calibrated for 50 mA: the current register overflows (OVF).
        var hungry = b.Profile with { Power = b.Profile.Power with { RunMicroampsPerMhz = 5000 } };
        var p = Measure(b, hungry);
        Assert.False(p.Measured);
        Assert.Contains("OVF", p.Reason);
    }
}
