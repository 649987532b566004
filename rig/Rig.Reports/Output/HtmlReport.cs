using System.Net;
using System.Text;
using Rig.Core.Runs;
using Rig.Reports.Data;
using Rig.Reports.Gating;

namespace Rig.Reports.Output;

/// <summary>
/// index.html: one self-contained file (inline CSS, plots as base64 PNG data URIs, no script, no
/// network), so it opens from disk or as a CI artifact. Every text from the run is HTML-encoded.
/// Tables and images carry ids so the browser test can find them.
/// </summary>
public static class HtmlReport
{
    internal const string Style = """
        body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:2em auto;max-width:1450px;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
        table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}
        td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
        .pass{color:#17733a;font-weight:bold}.regression,.fail{color:#b00020;font-weight:bold}.cannot-compare{color:#a15c00;font-weight:bold}
        .not-measured{color:#777;font-style:italic}
        figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}figcaption{color:#555;font-size:.9em}
        .clips{font-size:.9em}.badge{display:inline-block;padding:.1em .5em;border-radius:.3em;color:#fff}
        .badge.pass{background:#17733a;color:#fff}.badge.regression{background:#b00020;color:#fff}.badge.cannot-compare{background:#a15c00;color:#fff}
        """;

    public static string Render(ReportModel m)
    {
        var run = m.Run;
        var sb = new StringBuilder(64 * 1024 + m.Plots.Sum(p => p.Png.Length * 4 / 3 + 256));
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">")
          .Append("<title>Rig report ").Append(H(run.RunId)).Append(" (").Append(H(run.Profile)).Append(")</title><style>").Append(Style).Append("</style></head><body>\n");
        sb.Append("<h1>Rig report: ").Append(H(run.RunId)).Append("</h1>\n");
        if (m.Gate is { } gate)
            sb.Append("<p>Gate against baseline ").Append(H(m.Baseline!.RunId)).Append(": <span id=\"gate-verdict\" class=\"badge ").Append(Css(gate.Summary)).Append("\">").Append(H(gate.Summary)).Append("</span></p>\n");
        foreach (var note in m.Notes) sb.Append("<p class=\"not-measured\">").Append(H(note)).Append("</p>\n");

        Summary(sb, m);
        if (m.Gate is not null) GateTable(sb, m);

        sb.Append("<h2 id=\"accuracy\">Accuracy</h2>\n");
        Plot(sb, m, ReportPlots.Confusion);
        ConfusionTable(sb, run.Confusion);
        Plot(sb, m, ReportPlots.ClassAccuracy);
        ClassTable(sb, m.Classes);

        sb.Append("<h2 id=\"features\">Features: board vs golden model</h2>\n");
        sb.Append("<p>Total differing Q15 values: <b id=\"feature-mismatches\">").Append(Fmt.Int(run.FeatureMismatches)).Append("</b></p>\n");
        Plot(sb, m, ReportPlots.Spectrogram);
        Plot(sb, m, ReportPlots.FeatureDiff);

        sb.Append("<h2 id=\"cycles\">Cycles</h2>\n");
        CyclesTable(sb, m);
        Plot(sb, m, ReportPlots.Cycles);

        sb.Append("<h2 id=\"profile\">Function profile</h2>\n");
        ProfileTable(sb, run);
        Plot(sb, m, ReportPlots.Functions);

        sb.Append("<h2 id=\"power\">Power</h2>\n");
        PowerTable(sb, run.Power);
        Plot(sb, m, ReportPlots.Power);

        sb.Append("<h2 id=\"memory\">Memory</h2>\n");
        MemoryTable(sb, m);
        Plot(sb, m, ReportPlots.Memory);

        sb.Append("<h2 id=\"model\">Model</h2>\n");
        if (run.Model is { } model)
            KeyValues(sb, "model-table", [("Name", H(model.Name), false), ("MACs per inference", Fmt.Number(model.MacsPerInference), true), ("Parameter bytes", Fmt.Bytes(model.ParameterBytes), true), ("RAM bytes", Fmt.Bytes(model.RamBytes), true)]);
        else NotMeasured(sb, "model", "run.json has no model section");
        ModelReport.Html(sb, run);

        sb.Append("<h2 id=\"link\">Serial link</h2>\n");
        LinkTable(sb, run);

        sb.Append("<h2 id=\"clips-heading\">Clips</h2>\n");
        ClipsTable(sb, run.Clips);
        sb.Append("<footer><p class=\"not-measured\">Versions: ")
          .Append(H(string.Join(", ", run.Versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}"))))
          .Append("</p></footer>\n</body></html>\n");
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, ReportModel m)
    {
        var run = m.Run;
        var correct = run.Clips.Count(c => c.Label == c.Predicted);
        sb.Append("<h2 id=\"summary-heading\">Summary</h2>\n");
        KeyValues(sb, "summary",
        [
            ("Profile", H(run.Profile), false),
            ("Board", H(run.Board), false),
            ("Mode", H(JsonNames.Of(run.Mode)), false),
            ("Playlist", H(run.Playlist), false),
            ("Config hash", H(run.ConfigHash), false),
            ("Started", Fmt.Time(run.StartedAt), false),
            ("Finished", Fmt.Time(run.FinishedAt), false),
            ("Complete", run.Complete ? "yes" : "<span class=\"fail\">no: the run did not finish</span>", false),
            ("Clips", Fmt.Int(run.Clips.Count), true),
            ("Correct", Fmt.Int(correct), true),
            ("Accuracy", Fmt.Fraction(run.Accuracy), true),
            ("Feature mismatches", Fmt.Int(run.FeatureMismatches), true),
            ("Model mismatches", Fmt.Int(run.ModelMismatches), true),
            ("Wall time", run.Timing is { } t ? Fmt.Number(t.WallSeconds) + " s" : "n/a", true),
            ("Audio", run.Timing is { } t2 ? Fmt.Number(t2.AudioSeconds) + " s" : "n/a", true),
            ("Physical limit", run.Timing is { } t3 ? Fmt.Number(t3.PhysicalLimitSeconds > 0 ? t3.PhysicalLimitSeconds : t3.WireLimitSeconds) + " s" : "n/a", true),
            ("Speed vs real time", run.Timing is { } t4 ? Fmt.Number(t4.SpeedVsRealTime) + " x" : "n/a", true),
        ]);
    }

    private static void GateTable(StringBuilder sb, ReportModel m)
    {
        sb.Append("<h2 id=\"gate-heading\">Gate</h2>\n<table id=\"gate\"><thead><tr><th>Check</th><th>Baseline</th><th>Current</th><th>Delta</th><th>Limit</th><th>Verdict</th><th>Why</th></tr></thead><tbody>\n");
        foreach (var c in m.Gate!.Checks)
        {
            var verdict = Verdict(c.Verdict);
            sb.Append("<tr data-check=\"").Append(H(c.Name)).Append("\"><td>").Append(H(c.Name)).Append("</td><td class=\"num\">").Append(Fmt.Number(c.Baseline))
              .Append("</td><td class=\"num\">").Append(Fmt.Number(c.Current)).Append("</td><td class=\"num\">").Append(Fmt.Signed(c.Delta))
              .Append("</td><td>").Append(H(c.Limit)).Append("</td><td class=\"").Append(Css(verdict)).Append("\">").Append(H(verdict))
              .Append("</td><td>").Append(H(c.Reason)).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void ConfusionTable(StringBuilder sb, ConfusionMatrix confusion)
    {
        sb.Append("<table id=\"confusion\"><thead><tr><th>true \\ predicted</th>");
        foreach (var l in confusion.Labels) sb.Append("<th>").Append(H(l)).Append("</th>");
        sb.Append("</tr></thead><tbody>\n");
        for (var i = 0; i < confusion.Labels.Count; i++)
        {
            sb.Append("<tr><th>").Append(H(confusion.Labels[i])).Append("</th>");
            for (var j = 0; j < confusion.Labels.Count; j++) sb.Append("<td class=\"num\">").Append(Fmt.Int(confusion.Counts[i][j])).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void ClassTable(StringBuilder sb, IReadOnlyList<ClassAccuracy> classes)
    {
        sb.Append("<table id=\"classes\"><thead><tr><th>Label</th><th>Clips</th><th>Correct</th><th>Accuracy</th></tr></thead><tbody>\n");
        foreach (var c in classes)
            sb.Append("<tr data-label=\"").Append(H(c.Label)).Append("\"><td>").Append(H(c.Label)).Append("</td><td class=\"num\">").Append(c.Clips)
              .Append("</td><td class=\"num\">").Append(c.Correct).Append("</td><td class=\"num\">").Append(c.Percent is double p ? Fmt.Percent(p) : "n/a").Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    private static void CyclesTable(StringBuilder sb, ReportModel m)
    {
        if (m.Run.Cycles is { } c)
            KeyValues(sb, "cycles-table",
            [
                ("Unit", H(JsonNames.Of(c.Unit)), false),
                ("Timed with", H(c.ClockOrUnit.Label()) + " (" + H(c.ClockOrUnit.Name()) + ")", false),
                ("Clock", Fmt.Number(c.ClockHz) + " Hz", true),
                ("Frontend per column (median / p95 / max)", $"{Fmt.Number(c.FrontendPerColumn.Median)} / {Fmt.Number(c.FrontendPerColumn.P95)} / {Fmt.Number(c.FrontendPerColumn.Max)}", true),
                ("Model per inference (median / p95 / max)", $"{Fmt.Number(c.ModelPerInference.Median)} / {Fmt.Number(c.ModelPerInference.P95)} / {Fmt.Number(c.ModelPerInference.Max)}", true),
                ("Real-time margin", c.RealTimeMargin is { } margin ? Fmt.Percent(margin * 100) : "not measured", true),
            ]);
        else NotMeasured(sb, "cycles-table", "run.json has no cycles section");
        if (m.Stages.Count == 0) return;
        sb.Append("<table id=\"stages\"><thead><tr><th>Stage</th><th>Median</th><th>p95</th><th>Max</th></tr></thead><tbody>\n");
        foreach (var s in m.Stages)
            sb.Append("<tr><td>").Append(H(s.Stage)).Append("</td><td class=\"num\">").Append(Fmt.Number(s.Median)).Append("</td><td class=\"num\">")
              .Append(Fmt.Number(s.P95)).Append("</td><td class=\"num\">").Append(Fmt.Number(s.Max)).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    private static void PowerTable(StringBuilder sb, PowerResult? p)
    {
        if (p is null) { NotMeasured(sb, "power-table", "run.json has no power section"); return; }
        if (!p.Measured) { NotMeasured(sb, "power-table", p.Reason ?? "power was not measured"); return; }
        var clock = p.Clock is { } c ? H(c.Label()) + " (" + H(c.Name()) + ")" : "not recorded (run from before the clock field)";
        KeyValues(sb, "power-table",
        [
            ("Energy per inference", Fmt.Number(p.EnergyPerInferenceUj) + " uJ", true),
            ("Measured as", p.Windows is { } n ? $"median of {Fmt.Int(n)} BURST windows, gross (idle included)" : "one marked window, gross", false),
            ("Energy per inference, net of idle", p.NetEnergyPerInferenceUj is { } net ? Fmt.Number(net) + " uJ" : "not measured", true),
            ("Timed with", clock, false),
            ("Windows cut on", p.WindowSource switch
            {
                PowerWindowSource.Gpio => "the marker GPIO (gpio)",
                PowerWindowSource.Messages => "BURST/answer messages, serial latency " + Fmt.Number(p.LatencyMs) + " ms subtracted (messages)",
                _ => "not recorded",
            }, false),
            ("Windows, spread", p.Windows is { } w ? $"{Fmt.Int(w)}, {Fmt.Number(p.SpreadPercent)} %" : "1 (single window)", true),
            ("Conversions per window (fewest)", p.MinSamplesPerWindow is { } ms ? Fmt.Int(ms) : p.Samples is { } s ? Fmt.Int(s) : "n/a", true),
            ("Active power", Fmt.Number(p.ActivePowerMw) + " mW", true),
            ("Idle power", p.IdlePowerMw is { } idle ? Fmt.Number(idle) + " mW" : "not measured", true),
            ("Bus voltage", Fmt.Number(p.BusVoltageV) + " V", true),
            ("Inferences in window (K)", p.InferencesInWindow is { } k ? Fmt.Int(k) : "n/a", true),
            ("Window", Fmt.Number(p.WindowSeconds) + " s", true),
        ]);
    }

    private static void MemoryTable(StringBuilder sb, ReportModel m)
    {
        if (m.Run.Memory is not { } mem) { NotMeasured(sb, "memory-table", "run.json has no memory section"); return; }
        var budget = m.Profile?.Memory;
        KeyValues(sb, "memory-table",
        [
            ("Flash", Fmt.Bytes(mem.FlashBytes) + (budget is null ? "" : " of " + Fmt.Bytes(budget.FlashBudgetBytes) + " budget"), true),
            ("RAM", Fmt.Bytes(mem.RamBytes) + (budget is null ? "" : " of " + Fmt.Bytes(budget.RamBudgetBytes) + " budget"), true),
            ("Frontend RAM", Fmt.Bytes(mem.FrontendRamBytes) + (budget is null ? "" : " of " + Fmt.Bytes(budget.FrontendRamBudgetBytes) + " budget"), true),
            ("Stack reserve", Fmt.Bytes(mem.StackReserveBytes), true),
            ("Stack high-water", m.Run.Stats is { } s ? Fmt.Bytes(s.StackHighWaterBytes) : "n/a", true),
            ("SRAM written from main() (emulator)", m.Run.Stats?.EmulatorRamTouchedBytes is { } touched ? Fmt.Bytes(touched) : "not measured (emulated boards only)", true),
        ]);
        StackTable(sb, m.Run.Stats);
        if (mem.Sections.Count == 0) return;
        sb.Append("<table id=\"sections\"><thead><tr><th>Section</th><th>Bytes</th><th>In</th></tr></thead><tbody>\n");
        foreach (var (name, bytes) in mem.Sections.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal))
            sb.Append("<tr><td>").Append(H(name)).Append("</td><td class=\"num\">").Append(bytes).Append("</td><td>")
              .Append(MemoryLayout.Of(name, mem.SectionRegions) switch { MemoryPlacement.Ram => "RAM", MemoryPlacement.Flash => "flash", _ => "flash + RAM" }).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    /// <summary>Why a run has no function profile.</summary>
    public const string NoProfile = "only emulated boards are profiled per function (rig run --board emulated, rig profile)";

    private static void ProfileTable(StringBuilder sb, RunResult run)
    {
        if (run.FunctionProfile is not { } functions) { NotMeasured(sb, "function-profile", NoProfile); return; }
        sb.Append("<p>The top ").Append(functions.Count).Append(" functions by self cycles over the whole run (")
          .Append(H(MeasurementClock.EmulatedMcu.Label())).Append(" cycles; an interrupt's cycles are its handler's). Shares: the part of the frontend's and of the model's cycles the function spent itself.</p>\n");
        sb.Append("<table id=\"function-profile\"><thead><tr><th>Function</th><th>Self cycles</th><th>Total cycles</th><th>Calls</th><th>Share of frontend</th><th>Share of inference</th></tr></thead><tbody>\n");
        foreach (var f in functions)
            sb.Append("<tr data-function=\"").Append(H(f.Name)).Append("\"><td>").Append(H(f.Name)).Append("</td><td class=\"num\">").Append(Fmt.Int(f.SelfCycles))
              .Append("</td><td class=\"num\">").Append(Fmt.Int(f.TotalCycles)).Append("</td><td class=\"num\">").Append(Fmt.Int(f.Calls))
              .Append("</td><td class=\"num\">").Append(f.FrontendShare is { } fs ? Fmt.Percent(fs * 100) : "-")
              .Append("</td><td class=\"num\">").Append(f.InferenceShare is { } ins ? Fmt.Percent(ins * 100) : "-").Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    /// <summary>The two stack high-water figures side by side: the firmware's painting and the emulator's lowest SP measure the same thing.</summary>
    private static void StackTable(StringBuilder sb, BoardStats? stats)
    {
        var painted = stats?.StackHighWaterBytes;
        var emulated = stats?.EmulatorStackHighWaterBytes;
        var agreement = painted is { } p && emulated is { } e
            ? p == e ? "<span class=\"pass\">agree</span>" : $"<span class=\"fail\">differ by {Fmt.Bytes(Math.Abs(p - e))}</span>"
            : "<span class=\"not-measured\">one figure not measured</span>";
        sb.Append("<table id=\"stack\"><thead><tr><th>Stack high-water: painted by the firmware</th><th>emulator (lowest SP)</th><th></th></tr></thead><tbody>\n<tr><td class=\"num\">")
          .Append(painted is { } pb ? Fmt.Bytes(pb) : "not measured").Append("</td><td class=\"num\">")
          .Append(emulated is { } eb ? Fmt.Bytes(eb) : "not measured (emulated boards only)").Append("</td><td>").Append(agreement).Append("</td></tr>\n</tbody></table>\n");
    }

    private static void LinkTable(StringBuilder sb, RunResult run)
    {
        var link = run.Link;
        sb.Append("<p id=\"link-verdict\">").Append(H(LinkHealth.Verdict(run))).Append("</p>\n");
        KeyValues(sb, "link-table",
        [
            ("Bytes sent", run.Timing is { } t ? Fmt.Int((long)t.BytesSent) : "n/a", true),
            ("Bytes received", run.Timing is { } t2 ? Fmt.Int((long)t2.BytesReceived) : "n/a", true),
            ("Frames received", Fmt.Int(link.FramesReceived), true),
            ("CRC errors", Fmt.Int(link.CrcErrors), true),
            ("Garbage bytes", Fmt.Int(link.GarbageBytes), true),
            ("Dropped frames", Fmt.Int(link.DroppedFrames), true),
            ("Resyncs", Fmt.Int(link.Resyncs), true),
            ("Retries", Fmt.Int(link.Retries), true),
            ("Re-sent frames", Fmt.Int(link.ResentFrames), true),
            ("Replayed windows", Fmt.Int(link.ReplayedWindows), true),
            ("Recovered clips", Fmt.Int(link.RecoveredClips), true),
            ("Failed clips", Fmt.Int(link.FailedClips), true),
        ]);
        if (link.RetryLog.Count == 0) return;
        sb.Append("<details><summary>Retry log (").Append(link.RetryLog.Count).Append(")</summary><ul id=\"retry-log\">");
        foreach (var line in link.RetryLog) sb.Append("<li>").Append(H(line)).Append("</li>");
        sb.Append("</ul></details>\n");
    }

    private static void ClipsTable(StringBuilder sb, IReadOnlyList<ClipResult> clips)
    {
        sb.Append("<table id=\"clips\" class=\"clips\"><thead><tr><th>#</th><th>Clip</th><th>Label</th><th>Predicted</th><th>Result</th><th>Differing values</th><th>Max |diff|</th><th>First differing stage</th><th>Model differing values</th><th>Retries</th><th>Seconds</th></tr></thead><tbody>\n");
        foreach (var c in clips)
        {
            var ok = c.Label == c.Predicted;
            sb.Append("<tr data-index=\"").Append(c.Index).Append("\"><td class=\"num\">").Append(c.Index).Append("</td><td>").Append(H(c.Name))
              .Append("</td><td>").Append(H(c.Label)).Append("</td><td>").Append(H(c.Predicted)).Append("</td><td class=\"").Append(ok ? "pass" : "fail").Append("\">").Append(ok ? "ok" : "wrong")
              .Append("</td><td class=\"num\">").Append(Fmt.Int(c.MismatchingValues)).Append("</td><td class=\"num\">").Append(c.MaxAbsDifference)
              .Append("</td><td>").Append(H(c.FirstDifferingStage ?? "")).Append("</td><td class=\"num\">").Append(Fmt.Int(c.ModelMismatchingValues))
              .Append("</td><td class=\"num\">").Append(c.Retries)
              .Append("</td><td class=\"num\">").Append(Fmt.Number(c.DurationSeconds)).Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n");
    }

    /// <summary>Two-column table; values are already-encoded HTML, keys are constants.</summary>
    private static void KeyValues(StringBuilder sb, string id, IEnumerable<(string Key, string ValueHtml, bool Numeric)> rows)
    {
        sb.Append("<table id=\"").Append(id).Append("\"><tbody>\n");
        foreach (var (key, value, numeric) in rows)
            sb.Append("<tr data-key=\"").Append(Key(key)).Append("\"><th>").Append(H(key)).Append("</th><td").Append(numeric ? " class=\"num\"" : "").Append('>').Append(value).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    private static void Plot(StringBuilder sb, ReportModel m, string id)
    {
        var plot = m.Plots.FirstOrDefault(p => p.Id == id);
        if (plot is null) return;
        sb.Append("<figure><img id=\"plot-").Append(id).Append("\" alt=\"").Append(H(plot.Title)).Append("\" src=\"data:image/png;base64,");
        sb.Append(Convert.ToBase64String(plot.Png));
        sb.Append("\"><figcaption>").Append(H(plot.Title)).Append("</figcaption></figure>\n");
    }

    private static void NotMeasured(StringBuilder sb, string id, string reason) =>
        sb.Append("<p id=\"").Append(id).Append("\" class=\"not-measured\">not measured: ").Append(H(reason)).Append("</p>\n");

    public static string Verdict(GateVerdict v) => v switch
    {
        GateVerdict.Pass => "pass",
        GateVerdict.Regression => "regression",
        GateVerdict.CannotCompare => "cannot compare",
        _ => "not measured",
    };

    private static string Css(string verdict) => verdict.Replace(' ', '-');

    private static string Key(string key) => key.ToLowerInvariant().Replace(' ', '-').Replace("(", "").Replace(")", "").Replace("/", "");

    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
}
