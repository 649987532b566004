using System.Net;
using System.Text;
using Rig.Core.Runs;

namespace Rig.Reports.Output;

/// <summary>
/// The report's model part, HTML and Markdown alike: the board's model output against the golden twin (differing
/// values, the first diverging layer per clip) and, for a graph model, its per-layer costs (MACC, weight bytes in
/// flash, activation bytes in RAM, as X-CUBE-AI reports them) with the arena against the profile's model RAM budget.
/// </summary>
public static class ModelReport
{
    private static string Arena(ModelSummary m) =>
        m.ArenaBytes is not { } arena ? "" :
        $"{Fmt.Bytes(arena)} of {(m.RamBudgetBytes is { } b ? Fmt.Bytes(b) : "n/a")} budget: {(m.ArenaWithinBudget == false ? "over budget" : "within budget")}";

    public static void Html(StringBuilder sb, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(run);
        sb.Append("<p>Model output values differing from the golden twin: <b id=\"model-mismatches\">").Append(Fmt.Int(run.ModelMismatches)).Append("</b> over ")
          .Append(Fmt.Int(run.Clips.Sum(c => c.ModelWindows))).Append(" windows</p>\n");
        var diverging = run.Clips.Where(c => c.FirstDivergingLayer is not null).ToList();
        if (diverging.Count > 0)
        {
            sb.Append("<table id=\"model-divergence\"><thead><tr><th>Clip</th><th>Window</th><th>First diverging layer</th><th>Kind</th><th>Differing values</th><th>First element</th><th>Golden</th><th>Board</th></tr></thead><tbody>\n");
            foreach (var c in diverging)
            {
                var l = c.FirstDivergingLayer!;
                sb.Append("<tr><td>").Append(H(c.Name)).Append("</td><td class=\"num\">").Append(l.Window).Append("</td><td class=\"num\">").Append(l.Layer)
                  .Append("</td><td>").Append(H(l.Kind)).Append("</td><td class=\"num\">").Append(l.DifferingValues).Append(" of ").Append(l.Values)
                  .Append("</td><td class=\"num\">").Append(l.FirstElement).Append("</td><td class=\"num\">").Append(l.Golden)
                  .Append("</td><td class=\"num\">").Append(l.Board is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not sent").Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }
        if (run.Model is not { Layers: { } layers } model) return;
        sb.Append("<p>Tensor arena: <b id=\"model-arena\">").Append(H(Arena(model))).Append("</b></p>\n");
        sb.Append("<table id=\"model-layers\"><thead><tr><th>#</th><th>Operator</th><th>MACC</th><th>Weights (flash) B</th><th>Activations (RAM) B</th></tr></thead><tbody>\n");
        foreach (var l in layers)
            sb.Append("<tr><td class=\"num\">").Append(l.Index).Append("</td><td>").Append(H(l.Kind)).Append("</td><td class=\"num\">").Append(Fmt.Int(l.Macc))
              .Append("</td><td class=\"num\">").Append(Fmt.Int(l.WeightBytes)).Append("</td><td class=\"num\">").Append(Fmt.Int(l.ActivationBytes)).Append("</td></tr>\n");
        sb.Append("<tr class=\"total\"><td></td><td>total</td><td class=\"num\">").Append(Fmt.Int(layers.Sum(l => l.Macc))).Append("</td><td class=\"num\">")
          .Append(Fmt.Int(layers.Sum(l => (long)l.WeightBytes))).Append("</td><td class=\"num\">").Append(Fmt.Int(layers.Sum(l => (long)l.ActivationBytes))).Append("</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    public static void Markdown(StringBuilder sb, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(run);
        var diverging = run.Clips.Where(c => c.FirstDivergingLayer is not null).ToList();
        if (diverging.Count > 0)
        {
            sb.Append("\n## Model divergence\n\n| Clip | Where |\n|---|---|\n");
            foreach (var c in diverging) sb.Append("| ").Append(MarkdownReport.E(c.Name)).Append(" | ").Append(MarkdownReport.E(c.FirstDivergingLayer!.Describe())).Append(" |\n");
        }
        if (run.Model is not { Layers: { } layers } model) return;
        sb.Append("\n## Model layers\n\nTensor arena: ").Append(Arena(model)).Append("\n\n| # | Operator | MACC | Weights (flash) B | Activations (RAM) B |\n|---:|---|---:|---:|---:|\n");
        foreach (var l in layers)
            sb.Append("| ").Append(l.Index).Append(" | ").Append(MarkdownReport.E(l.Kind)).Append(" | ").Append(Fmt.Int(l.Macc)).Append(" | ")
              .Append(Fmt.Int(l.WeightBytes)).Append(" | ").Append(Fmt.Int(l.ActivationBytes)).Append(" |\n");
    }

    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
}
