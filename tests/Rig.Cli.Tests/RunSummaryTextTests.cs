using Rig.Cli.Commands;
using Rig.Core.Runs;

namespace Rig.Cli.Tests;

/// <summary>The per-mode claims of the `rig run` summary, including the cases a healthy virtual run never reaches.</summary>
public class RunSummaryTextTests
{
    private static TimingResult Acoustic(double receivedBytes, int baud) => new(10, 12, 0.001, 40, baud, 1.2)
    {
        BytesReceived = receivedBytes,
        ReceiveLimitSeconds = receivedBytes / (baud / 10.0),
        PhysicalLimitSeconds = 12,
        PhysicalLimit = PhysicalLimit.AudioDuration,
        UartKeepsUp = receivedBytes / (baud / 10.0) <= 12,
    };

    [Fact]
    public void Acoustic_summary_names_the_audio_as_the_limit_and_warns_when_the_return_stream_overruns()
    {
        var fits = string.Join("\n", RunSummaryText.Timing(Acoustic(200_000, 460800), RunMode.Acoustic));
        Assert.Contains("physical limit: 12.00 s, the audio itself", fits);
        Assert.Contains("200000 bytes = 4.34 s on the UART", fits);
        Assert.DoesNotContain("warning", fits);
        Assert.DoesNotContain("wire limit", fits);

        var overruns = string.Join("\n", RunSummaryText.Timing(Acoustic(200_000, 115200), RunMode.Acoustic));
        Assert.Contains("warning: the board->host stream needs 1.45x real time at 115200 baud", overruns);
    }

    [Fact]
    public void Inject_summary_names_the_slower_uart_direction_and_resumed_runs_show_both_totals_and_this_session()
    {
        var t = new TimingResult(30, 108, 39.9, 1_837_640, 460800, 3.6)
        {
            BytesReceived = 904_518, ReceiveLimitSeconds = 19.6, PhysicalLimitSeconds = 39.9, PhysicalLimit = PhysicalLimit.HostToBoardUart,
            Sessions = 2, SessionAudioSeconds = 50, SessionWallSeconds = 14,
        };
        var text = string.Join("\n", RunSummaryText.Timing(t, RunMode.Inject));
        Assert.Contains("108.0 s of audio in 30.00 s wall = 3.6x real time (whole run, 2 sessions; this session 50.0 s of audio in 14.00 s wall)", text);
        Assert.Contains("physical limit: 39.90 s, the host->board UART (460800 baud = 46080 bytes/s each way)", text);
        Assert.DoesNotContain("warning", text);
        Assert.Contains("warning: the UART at 460800 baud cannot carry", string.Join("\n", RunSummaryText.Timing(t with { UartKeepsUp = false }, RunMode.Inject)));
    }

    [Fact]
    public void Power_line_gives_the_figures_when_measured_and_the_reason_otherwise()
    {
        var single = new PowerResult(true, null, 12.345, 8.1, 0.0167, 251, 3.3, 40, 0.2, "power.csv") { IdleSamples = 252, Monitor = "virtual INA219 0x40" };
        Assert.Equal("  power: 12.345 µJ per inference gross, not measured net of idle (clock not recorded); active 8.1 mW, idle 0.0167 mW; 251 samples in the window, 252 idle (virtual INA219 0x40)",
            RunSummaryText.Power(single));
        var burst = single with
        {
            NetEnergyPerInferenceUj = 12.3, Clock = MeasurementClock.Mcu, Windows = 5, SpreadPercent = 1.25, MinSamplesPerWindow = 240,
            WindowSource = PowerWindowSource.Gpio, Monitor = "INA219 i2c-1 0x40 (marker on GPIO 17)",
        };
        Assert.Equal("  power: 12.345 µJ per inference gross, 12.3 µJ net of idle (MCU clock); active 8.1 mW, idle 0.0167 mW; median of 5 windows " +
                     "(spread 1.25 %, >= 240 conversions each, cut on the marker GPIO) (INA219 i2c-1 0x40 (marker on GPIO 17))", RunSummaryText.Power(burst));
        Assert.Equal("  power: not measured (run without --energy)", RunSummaryText.Power(PowerResult.NotMeasured("run without --energy")));
        Assert.Equal("  power: not measured (no power result)", RunSummaryText.Power(null));
    }
}
