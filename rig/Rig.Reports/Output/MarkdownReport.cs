using System.Net;
using System.Text;
using Rig.Core.Runs;
using Rig.Reports.Data;
using Rig.Reports.Gating;

namespace Rig.Reports.Output;

/// <summary>report.md: the headline numbers for CI job summaries (GitHub, GitLab). Cells are escaped: Markdown renders inline HTML.</summary>
public static class MarkdownReport
{
    public static string Render(ReportModel m)
    {
        var run = m.Run;
        var sb = new StringBuilder();
        sb.Append("# Rig report: ").Append(E(run.RunId)).Append("\n\n");
        if (m.Gate is { } gate) sb.Append("**Gate: ").Append(gate.Summary).Append("** (baseline ").Append(E(m.Baseline!.RunId)).Append(")\n\n");
        foreach (var note in m.Notes) sb.Append('_').Append(E(note)).Append("_\n\n");
        sb.Append("| | |\n|---|---|\n");
        Row(sb, "Profile", E(run.Profile));
        Row(sb, "Board", E(run.Board));
        Row(sb, "Mode", E(JsonNames.Of(run.Mode)));
        Row(sb, "Playlist", E(run.Playlist));
        Row(sb, "Config hash", E(run.ConfigHash));
        Row(sb, "Complete", run.Complete ? "yes" : "**no**");
        Row(sb, "Clips", Fmt.Int(run.Clips.Count));
        Row(sb, "Accuracy", Fmt.Fraction(run.Accuracy));
        Row(sb, "Feature mismatches", Fmt.Int(run.FeatureMismatches));
        Row(sb, "Model mismatches", Fmt.Int(run.ModelMismatches));
        Row(sb, "Frontend cycles/column (median)", run.Cycles is { } cy ? $"{Fmt.Number(cy.FrontendPerColumn.Median)} {E(JsonNames.Of(cy.Unit))} ({cy.ClockOrUnit.Label()})" : "not measured");
        Row(sb, "Model cycles/inference (median)", run.Cycles is { } c2 ? $"{Fmt.Number(c2.ModelPerInference.Median)} {E(JsonNames.Of(c2.Unit))} ({c2.ClockOrUnit.Label()})" : "not measured");
        Row(sb, "Energy per inference", run.Power is { Measured: true } p ? EnergyText(run, p) : "not measured" + (run.Power?.Reason is { } r ? ": " + E(r) : ""));
        Row(sb, "RAM", run.Memory is { } mem ? Fmt.Bytes(mem.RamBytes) + (m.Profile is { } pr ? " of " + Fmt.Bytes(pr.Memory.RamBudgetBytes) : "") : "not measured");
        Row(sb, "Flash", run.Memory is { } mem2 ? Fmt.Bytes(mem2.FlashBytes) + (m.Profile is { } pr2 ? " of " + Fmt.Bytes(pr2.Memory.FlashBudgetBytes) : "") : "not measured");
        var link = run.Link;
        sb.Append("\n## Serial link\n\n").Append(E(Data.LinkHealth.Verdict(run))).Append("\n\n")
          .Append("| Bytes sent | Bytes received | Frames | CRC errors | Re-sent frames | Replayed windows | Retries | Recovered clips | Failed clips |\n")
          .Append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n| ")
          .Append(run.Timing is { } t ? Fmt.Int((long)t.BytesSent) : "n/a").Append(" | ")
          .Append(run.Timing is { } t2 ? Fmt.Int((long)t2.BytesReceived) : "n/a").Append(" | ")
          .Append(Fmt.Int(link.FramesReceived)).Append(" | ").Append(Fmt.Int(link.CrcErrors)).Append(" | ")
          .Append(Fmt.Int(link.ResentFrames)).Append(" | ").Append(Fmt.Int(link.ReplayedWindows)).Append(" | ")
          .Append(Fmt.Int(link.Retries)).Append(" | ").Append(Fmt.Int(link.RecoveredClips)).Append(" | ")
          .Append(Fmt.Int(link.FailedClips)).Append(" |\n");
        if (m.Gate is { } g)
        {
            sb.Append("\n## Gate\n\n| Check | Baseline | Current | Delta | Limit | Verdict | Why |\n|---|---:|---:|---:|---|---|---|\n");
            foreach (var check in g.Checks)
                sb.Append("| ").Append(E(check.Name)).Append(" | ").Append(Fmt.Number(check.Baseline)).Append(" | ").Append(Fmt.Number(check.Current))
                  .Append(" | ").Append(Fmt.Signed(check.Delta)).Append(" | ").Append(E(check.Limit)).Append(" | ").Append(HtmlReport.Verdict(check.Verdict))
                  .Append(" | ").Append(E(check.Reason)).Append(" |\n");
        }
        sb.Append("\n## Per-class accuracy\n\n| Label | Clips | Correct | Accuracy |\n|---|---:|---:|---:|\n");
        foreach (var c in m.Classes)
            sb.Append("| ").Append(E(c.Label)).Append(" | ").Append(c.Clips).Append(" | ").Append(c.Correct).Append(" | ").Append(c.Percent is double pc ? Fmt.Percent(pc) : "n/a").Append(" |\n");
        var wrong = run.Clips.Where(c => c.Label != c.Predicted || c.MismatchingValues > 0 || c.ModelMismatchingValues > 0).ToList();
        if (wrong.Count > 0)
        {
            sb.Append("\n## Clips to look at\n\n| # | Clip | Label | Predicted | Differing values | First differing stage | Model differing values |\n|---:|---|---|---|---:|---|---:|\n");
            foreach (var c in wrong.Take(50))
                sb.Append("| ").Append(c.Index).Append(" | ").Append(E(c.Name)).Append(" | ").Append(E(c.Label)).Append(" | ").Append(E(c.Predicted))
                  .Append(" | ").Append(Fmt.Int(c.MismatchingValues)).Append(" | ").Append(E(c.FirstDifferingStage ?? "")).Append(" | ").Append(Fmt.Int(c.ModelMismatchingValues)).Append(" |\n");
            if (wrong.Count > 50) sb.Append("\n(").Append(wrong.Count - 50).Append(" more in index.html)\n");
        }
        ModelReport.Markdown(sb, run);
        sb.Append("\nPlots and every clip: index.html next to this file.\n");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string key, string value) => sb.Append("| ").Append(key).Append(" | ").Append(value).Append(" |\n");

    /// <summary>Escapes a run-supplied string for a Markdown table cell: HTML-encoded, pipes and newlines neutralised.</summary>
    public static string E(string? s) =>
        WebUtility.HtmlEncode(s ?? "").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ").Replace("`", "&#96;").Replace("[", "\\[").Replace("]", "\\]").Replace("*", "\\*").Replace("_", "\\_");

    /// <summary>Gross and net energy with the clock that timed it and what cut the windows.</summary>
    private static string EnergyText(RunResult run, PowerResult p)
    {
        var clock = RunMetrics.EnergyClockOf(run)!.Value;
        var text = $"{Fmt.Number(p.EnergyPerInferenceUj)} uJ gross";
        if (p.NetEnergyPerInferenceUj is { } net) text += $", {Fmt.Number(net)} uJ net of idle";
        text += $" ({clock.Label()}";
        if (p.Windows is { } w) text += $"; median of {w} windows, spread {Fmt.Number(p.SpreadPercent)} %, >= {Fmt.Int(p.MinSamplesPerWindow ?? 0)} conversions each";
        if (p.WindowSource is { } src) text += $"; windows from {src.ToString().ToLowerInvariant()}";
        return text + ")";
    }
}
