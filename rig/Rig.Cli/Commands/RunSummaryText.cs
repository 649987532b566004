using System.Globalization;
using Rig.Core.Runs;

namespace Rig.Cli.Commands;

/// <summary>
/// The timing and power lines `rig run` prints per board. Kept apart from the command so what the
/// summary claims can be tested without a console.
/// </summary>
public static class RunSummaryText
{
    /// <summary>Timing, what physically limits this mode, and a warning when the UART cannot keep up in real time.</summary>
    public static IReadOnlyList<string> Timing(TimingResult t, RunMode mode)
    {
        var lines = new List<string>();
        var whole = t.Sessions > 1
            ? $" (whole run, {t.Sessions} sessions; this session {t.SessionAudioSeconds:0.0} s of audio in {t.SessionWallSeconds:0.00} s wall)"
            : "";
        lines.Add(Inv($"  timing: {t.AudioSeconds:0.0} s of audio in {t.WallSeconds:0.00} s wall = {t.SpeedVsRealTime:0.0}x real time{whole}"));
        var uart = Inv($"{t.Baud} baud = {t.Baud / 10.0:0} bytes/s each way");
        if (mode == RunMode.Acoustic)
        {
            lines.Add(Inv($"  physical limit: {t.PhysicalLimitSeconds:0.00} s, the audio itself (sound plays in real time)"));
            lines.Add(Inv($"  board->host stream (captured audio + features): {t.BytesReceived:0} bytes = {t.ReceiveLimitSeconds:0.00} s on the UART ({uart}) for {t.AudioSeconds:0.00} s of audio"));
            if (!t.UartKeepsUp)
                lines.Add(Inv($"  warning: the board->host stream needs {t.ReceiveLimitSeconds / Math.Max(t.AudioSeconds, 1e-9):0.00}x real time at {t.Baud} baud: a real board would overrun its UART; raise serial.baud"));
        }
        else
        {
            lines.Add(Inv($"  physical limit: {t.PhysicalLimitSeconds:0.00} s, the {(t.PhysicalLimit is { } what ? JsonNames.Of(what) : "UART")} ({uart})"));
            lines.Add(Inv($"  host->board {t.WireLimitSeconds:0.00} s ({t.BytesSent:0} bytes sent); board->host {t.ReceiveLimitSeconds:0.00} s ({t.BytesReceived:0} bytes received); wire {(t.Wire is { } wire ? JsonNames.Of(wire) : "unknown")}: wall/limit {(t.WallOverWireLimit is { } ratio ? Inv($"{ratio:0.000}") : "n/a")}"));
            if (!t.UartKeepsUp)
                lines.Add(Inv($"  warning: the UART at {t.Baud} baud cannot carry this traffic in real time ({Math.Max(t.WireLimitSeconds, t.ReceiveLimitSeconds):0.00} s for {t.AudioSeconds:0.00} s of audio)"));
        }
        return lines;
    }

    /// <summary>The power figures when --energy measured them, else why not.</summary>
    public static string Power(PowerResult? p) => p is { Measured: true }
        ? Inv($"  power: {p.EnergyPerInferenceUj:0.###} µJ per inference gross, {(p.NetEnergyPerInferenceUj is { } net ? Inv($"{net:0.###} µJ") : "not measured")} net of idle ({(p.Clock is { } c ? c.Label() : "clock not recorded")}); ") +
          Inv($"active {p.ActivePowerMw:0.###} mW, idle {p.IdlePowerMw:0.####} mW; ") +
          (p.Windows is { } w
              ? Inv($"median of {w} windows (spread {p.SpreadPercent:0.##} %, >= {p.MinSamplesPerWindow} conversions each, cut on {(p.WindowSource == PowerWindowSource.Gpio ? "the marker GPIO" : "messages")}) ")
              : Inv($"{p.Samples} samples in the window, {p.IdleSamples} idle ")) +
          $"({p.Monitor ?? "INA219"})"
        : $"  power: not measured ({p?.Reason ?? "no power result"})";

    /// <summary>What --line-faults did to the line, per direction.</summary>
    public static string InjectedFaults(InjectedFaults f) =>
        Inv($"  line faults ({f.Spec}): host->board {Direction(f.ToBoard)}; board->host {Direction(f.ToHost)}; {f.Stalls} stalls, {f.Resets} resets");

    private static string Direction(DirectionFaults d) =>
        Inv($"{d.Dropped + d.Flipped + d.Duplicated} faults in {d.Bytes} bytes ({d.Dropped} dropped, {d.Flipped} flipped, {d.Duplicated} duplicated)");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
