using System.Net;
using System.Text;
using Rig.Core.Runs;
using Rig.Reports.Output;
using Rig.Store;

namespace Rig.Reports.History;

/// <summary>
/// The HTML history page (one self-contained file): the farm's newest run per profile and physical board with its gate
/// verdict, and, for one profile, its runs over time with the trend plot inlined.
/// </summary>
public static class HistoryPage
{
    public static string Render(string store, IReadOnlyList<FarmBoard> farm, string? profile = null, IReadOnlyList<RunSummary>? runs = null, byte[]? trendPng = null)
    {
        var sb = new StringBuilder(16 * 1024 + (trendPng?.Length ?? 0) * 4 / 3);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rig history</title><style>").Append(HtmlReport.Style).Append("</style></head><body>\n");
        sb.Append("<h1>Rig history</h1>\n<p>store: <code>").Append(H(store)).Append("</code></p>\n");
        sb.Append("<h2 id=\"farm\">Latest run per board, all hosts</h2>\n");
        if (farm.Count == 0) sb.Append("<p class=\"not-measured\">no finished runs in the store</p>\n");
        else
        {
            sb.Append("<table><tr><th>profile</th><th>host</th><th>board</th><th>board ID</th><th>run</th><th>started (UTC)</th><th>clips</th><th>accuracy</th><th>gate</th><th>why</th></tr>\n");
            foreach (var f in farm)
            {
                var r = f.Run;
                sb.Append("<tr><td>").Append(H(r.Profile)).Append("</td><td>").Append(H(r.Host ?? "unknown")).Append("</td><td>").Append(H(r.Board))
                  .Append("</td><td>").Append(H(r.BoardUid ?? "-")).Append("</td><td>").Append(H(r.RunId)).Append("</td><td>").Append(H(Fmt.Time(r.StartedAt)))
                  .Append("</td><td class=\"num\">").Append(r.Clips).Append("</td><td class=\"num\">").Append(H(Fmt.Percent(r.Metrics.AccuracyPercent)))
                  .Append("</td><td class=\"").Append(VerdictClass(f.Verdict)).Append("\">").Append(H(f.Verdict)).Append("</td><td>").Append(H(f.Why)).Append("</td></tr>\n");
            }
            sb.Append("</table>\n");
        }
        if (profile is not null && runs is not null)
        {
            sb.Append("<h2 id=\"runs\">Runs of ").Append(H(profile)).Append("</h2>\n");
            sb.Append("<table><tr><th>run</th><th>started (UTC)</th><th>host</th><th>board</th><th>clips</th><th>accuracy</th><th>feature mismatches</th><th>model mismatches</th><th>frontend cyc</th><th>model cyc</th><th>cycles clock</th><th>energy uJ</th><th>energy clock</th><th>RAM B</th><th>flash B</th></tr>\n");
            foreach (var r in runs)
            {
                var m = r.Metrics;
                sb.Append("<tr><td>").Append(H(r.RunId + (r.Complete ? "" : " (unfinished)"))).Append("</td><td>").Append(H(Fmt.Time(r.StartedAt))).Append("</td><td>").Append(H(r.Host ?? "unknown"))
                  .Append("</td><td>").Append(H(r.Board)).Append("</td>");
                foreach (var cell in new[] { r.Clips.ToString(System.Globalization.CultureInfo.InvariantCulture), Fmt.Percent(m.AccuracyPercent), Fmt.Int(m.FeatureMismatches), Fmt.Int(m.ModelMismatches), Fmt.Number(m.FrontendCyclesMedian), Fmt.Number(m.ModelCyclesMedian) })
                    sb.Append("<td class=\"num\">").Append(H(cell)).Append("</td>");
                sb.Append("<td>").Append(H(m.CycleClock?.Name() ?? "-")).Append("</td><td class=\"num\">").Append(H(Fmt.Number(m.EnergyPerInferenceUj))).Append("</td><td>").Append(H(m.EnergyClock?.Name() ?? "-"))
                  .Append("</td><td class=\"num\">").Append(H(Fmt.Number(m.RamBytes))).Append("</td><td class=\"num\">").Append(H(Fmt.Number(m.FlashBytes))).Append("</td></tr>\n");
            }
            sb.Append("</table>\n");
            if (trendPng is not null)
                sb.Append("<figure><img alt=\"trends of ").Append(H(profile)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(trendPng)).Append("\"><figcaption>accuracy, cycles, energy, RAM and flash over the runs above</figcaption></figure>\n");
        }
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The CSS class of a verdict: pass, regression, cannot-compare (also for no baseline).</summary>
    private static string VerdictClass(string verdict) => verdict switch
    {
        "pass" => "pass",
        "regression" => "regression",
        _ => "cannot-compare",
    };

    private static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
}
