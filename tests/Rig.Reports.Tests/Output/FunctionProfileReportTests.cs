using System.Globalization;
using System.Text.RegularExpressions;
using Rig.Core.Runs;
using Rig.Reports.Output;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Output;

/// <summary>An emulated run's function profile and its two stack figures in the HTML report.</summary>
public sealed class FunctionProfileReportTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static ReportOptions Options() => new() { Profile = Profiles.Py32, LookUpDefaults = false };

    [Fact]
    public void The_profile_table_lists_every_function_of_run_json_with_its_figures_and_the_plot_draws_it()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 11, new SampleRunShape { Emulated = true, Clips = 6 });
        var model = ReportGenerator.Build(dir, Options());
        var html = HtmlReport.Render(model);

        var table = Regex.Match(html, "<table id=\"function-profile\">.*?</table>", RegexOptions.Singleline).Value;
        var rows = Regex.Matches(table, "<tr data-function=\"([^\"]+)\"><td>[^<]*</td><td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td>")
            .Select(m => (m.Groups[1].Value, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(run.FunctionProfile!.Select(f => (f.Name, f.SelfCycles, f.TotalCycles, f.Calls)), rows);
        var frontend = run.FunctionProfile!.First(f => f.FrontendShare is not null);
        Assert.Contains(Fmt.Percent(frontend.FrontendShare!.Value * 100), table);

        var plot = model.Plots.Single(p => p.Id == ReportPlots.Functions);
        var other = _tmp.Sub("plain-run");
        SampleRun.Write(other, 11, new SampleRunShape { Clips = 6 });
        var plain = ReportGenerator.Build(other, Options()).Plots.Single(p => p.Id == ReportPlots.Functions);
        // A drawn profile, not the "not measured" panel a run without one gets.
        Assert.NotEqual(plain.Png, plot.Png);
        Assert.Contains("id=\"plot-function-profile\"", html);
    }

    [Fact]
    public void Both_stack_figures_stand_side_by_side_and_say_whether_they_agree()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 12, new SampleRunShape { Emulated = true, Clips = 6 });
        var painted = run.Stats!.StackHighWaterBytes!.Value;
        var html = HtmlReport.Render(ReportGenerator.Build(dir, Options()));
        var stack = Regex.Match(html, "<table id=\"stack\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Equal([$"{painted} B", $"{painted} B"], Regex.Matches(stack, "<td class=\"num\">([^<]+)</td>").Select(m => m.Groups[1].Value));
        Assert.Contains(">agree<", stack);

        RunJson.Write(dir, run with { Stats = run.Stats with { EmulatorStackHighWaterBytes = painted + 8 } });
        var differing = Regex.Match(HtmlReport.Render(ReportGenerator.Build(dir, Options())), "<table id=\"stack\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("differ by 8 B", differing);
    }

    [Fact]
    public void A_run_on_another_board_says_the_profile_was_not_measured()
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, 13, new SampleRunShape { Clips = 6 });
        var html = HtmlReport.Render(ReportGenerator.Build(dir, Options()));
        Assert.Contains("<p id=\"function-profile\" class=\"not-measured\">not measured: " + HtmlReport.NoProfile, html);
        Assert.Contains("not measured (emulated boards only)", Regex.Match(html, "<table id=\"stack\">.*?</table>", RegexOptions.Singleline).Value);
    }
}
