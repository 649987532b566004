using System.Text.RegularExpressions;
using System.Xml.Linq;
using Rig.Core.Runs;
using Rig.Reports.Gating;
using Rig.Reports.Output;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Output;

public sealed class ReportGeneratorTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static ReportOptions Options(string? baseline = null) => new() { Profile = Profiles.Py32, BaselinePath = baseline, LookUpDefaults = false };

    [Fact]
    public void Writes_one_self_contained_html_file_markdown_junit_and_every_plot()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 1);
        var r = ReportGenerator.Write(dir, Options());

        var html = File.ReadAllText(r.IndexHtml);
        Assert.True(r.HtmlBytes < 5 * 1024 * 1024, $"index.html is {r.HtmlBytes} bytes");
        Assert.Equal(8, r.PlotFiles.Count);
        foreach (var png in r.PlotFiles) Assert.Equal(PngSignature, File.ReadAllBytes(png)[..8]);
        // Every image is inline, and nothing reaches for the network.
        var sources = Regex.Matches(html, "<img [^>]*src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(8, sources.Count);
        foreach (var src in sources)
        {
            Assert.StartsWith("data:image/png;base64,", src);
            Assert.Equal(PngSignature, Convert.FromBase64String(src["data:image/png;base64,".Length..])[..8]);
        }
        Assert.DoesNotMatch("(?i)(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains(Fmt.Fraction(run.Accuracy), html);
        Assert.Contains(run.RunId, html);
        Assert.Contains("report.md", Path.GetFileName(r.Markdown));
        Assert.Contains(Fmt.Fraction(run.Accuracy), File.ReadAllText(r.Markdown));
    }

    [Fact]
    public void A_100_clip_report_is_one_file_well_under_5_MB()
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, 100, new SampleRunShape { Clips = 100, FeatureClips = 100, MismatchClips = 10 });
        var r = ReportGenerator.Write(dir, Options());
        Assert.InRange(r.HtmlBytes, 100_000, 5 * 1024 * 1024);
        Assert.Equal(100, Regex.Count(File.ReadAllText(r.IndexHtml), "<tr data-index="));
        Console.WriteLine($"100-clip index.html: {r.HtmlBytes} bytes");
    }

    [Fact]
    public void The_confusion_and_class_tables_show_the_runs_counts()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 2, new SampleRunShape { Clips = 40 });
        var model = ReportGenerator.Build(dir, Options());
        var html = HtmlReport.Render(model);
        var confusion = Regex.Match(html, "<table id=\"confusion\">.*?</table>", RegexOptions.Singleline).Value;
        var cells = Regex.Matches(confusion, "<td class=\"num\">(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(run.Confusion.Counts.SelectMany(r => r), cells);
        Assert.Equal(40, cells.Sum());
        foreach (var c in model.Classes)
        {
            var clips = run.Clips.Where(x => x.Label == c.Label).ToList();
            Assert.Equal(clips.Count, c.Clips);
            Assert.Equal(clips.Count(x => x.Predicted == x.Label), c.Correct);
        }
    }

    [Fact]
    public void Missing_sections_give_not_measured_panels_not_errors()
    {
        var dir = _tmp.Sub("run");
        SampleRun.Write(dir, 3, new SampleRunShape { Power = false, Memory = false, Cycles = false, Model = false, FeatureClips = 0, Clips = 5 });
        var r = ReportGenerator.Write(dir, new ReportOptions { LookUpDefaults = false });
        var html = File.ReadAllText(r.IndexHtml);
        Assert.Contains("not measured: run.json has no power section", html);
        Assert.Contains("not measured: run.json has no memory section", html);
        Assert.Contains("not measured: run.json has no cycles section", html);
        Assert.Contains("not measured: run.json has no model section", html);
        Assert.Contains("no profile given", html);
        Assert.Equal(8, r.PlotFiles.Count);
        foreach (var png in r.PlotFiles) Assert.True(new FileInfo(png).Length > 1000);
    }

    [Fact]
    public void A_run_that_died_before_its_first_clip_still_reports()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 8, new SampleRunShape { Clips = 0, FeatureClips = 0, MismatchClips = 0 });
        RunJson.Write(dir, run with { Complete = false, FinishedAt = null });
        var r = ReportGenerator.Write(dir, Options());
        var html = File.ReadAllText(r.IndexHtml);
        Assert.Contains("no: the run did not finish", html);
        Assert.Equal(8, r.PlotFiles.Count);
        Assert.Equal(0, (int)XDocument.Parse(File.ReadAllText(r.JUnit)).Root!.Attribute("tests")!);
    }

    [Fact]
    public void Power_that_was_not_measured_shows_the_reason()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 4, new SampleRunShape { Power = false, Clips = 4 });
        RunJson.Write(dir, run with { Power = new PowerResult(false, "no INA219 answered at 0x40 on /dev/i2c-1", 0, 0, 0, 0, 0, 0, 0, null) });
        var html = File.ReadAllText(ReportGenerator.Write(dir, Options()).IndexHtml);
        Assert.Contains("not measured: no INA219 answered at 0x40 on /dev/i2c-1", html);
    }

    [Fact]
    public void Measured_energy_shows_gross_and_net_with_the_clock_that_timed_it()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 5, new SampleRunShape { Clips = 4 });
        RunJson.Write(dir, run with { Power = run.Power! with { NetEnergyPerInferenceUj = 150.5, Clock = MeasurementClock.Host } });
        var md = File.ReadAllText(ReportGenerator.Write(dir, Options()).Markdown);
        Assert.Contains($"{Fmt.Number(run.Power.EnergyPerInferenceUj)} uJ gross, 150.5 uJ net of idle (host time", md);
    }

    [Fact]
    public void Hostile_labels_and_names_are_escaped_in_html_markdown_and_junit()
    {
        const string evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>|**\u0001";
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 5, new SampleRunShape { ExtraLabel = evil, Clips = 14 });
        RunJson.Write(dir, run with { Board = evil, RunId = "run-" + evil, Link = run.Link with { RetryLog = [evil] } });
        var r = ReportGenerator.Write(dir, Options());

        var html = File.ReadAllText(r.IndexHtml);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        var md = File.ReadAllText(r.Markdown);
        Assert.DoesNotContain("<script", md);
        Assert.DoesNotContain("<img", md);
        var junit = XDocument.Parse(File.ReadAllText(r.JUnit));
        Assert.Contains(junit.Descendants("testcase"), t => ((string)t.Attribute("name")!).Contains("<script>alert('x')</script>"));
    }

    [Fact]
    public void Junit_has_one_case_per_clip_and_per_gate_check_with_failures_where_they_belong()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 6, new SampleRunShape { Clips = 30, MismatchClips = 2 });
        var baselinePath = _tmp.Sub("baseline.json");
        BaselineFile.Write(baselinePath, Baseline.From(run) with { RamBytes = run.Memory!.RamBytes - 10 });
        var r = ReportGenerator.Write(dir, Options(baselinePath));

        var doc = XDocument.Parse(File.ReadAllText(r.JUnit));
        var suites = doc.Root!.Elements("testsuite").ToList();
        Assert.Equal(2, suites.Count);
        var clips = suites[0].Elements("testcase").ToList();
        Assert.Equal(30, clips.Count);
        var expectedFailures = run.Clips.Count(c => c.Label != c.Predicted || c.MismatchingValues > 0);
        Assert.Equal(expectedFailures, clips.Count(c => c.Element("failure") is not null));
        Assert.Equal(expectedFailures, (int)suites[0].Attribute("failures")!);
        var gate = suites[1].Elements("testcase").ToList();
        Assert.Equal(r.Gate!.Checks.Count, gate.Count);
        // RAM grew 10 B over a 0 B allowance; the sample run also has feature mismatches.
        var failed = gate.Where(c => c.Element("failure") is not null).Select(c => (string)c.Attribute("name")!).Order().ToList();
        Assert.Equal(new[] { GateChecks.FeatureMismatches, GateChecks.Ram }.Order(), failed);
        Assert.Equal(30 + gate.Count, (int)doc.Root!.Attribute("tests")!);
        Assert.Equal(GateResult.ExitRegression, r.Gate.ExitCode);
        var html = File.ReadAllText(r.IndexHtml);
        Assert.Contains("id=\"gate-verdict\" class=\"badge regression\"", html);
    }

    [Fact]
    public void A_model_mismatch_shows_next_to_the_feature_mismatches_and_fails_the_gate_of_a_clean_baseline()
    {
        var baselinePath = _tmp.Sub("baseline.json");
        BaselineFile.Write(baselinePath, Baseline.From(SampleRun.Write(_tmp.Sub("clean"), 8, new SampleRunShape { Clips = 6, MismatchClips = 0 })));
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 8, new SampleRunShape { Clips = 6, MismatchClips = 0, ModelMismatchClips = 1 });
        var r = ReportGenerator.Write(dir, Options(baselinePath));
        var clip = run.Clips.Single(c => c.ModelMismatchingValues > 0);

        // Markdown: the clip is one to look at (even when classified right), its model values beside its feature values.
        Assert.Matches($@"\n\| {clip.Index} \| [^\n]* \| 0 \|  \| {Fmt.Int(clip.ModelMismatchingValues)} \|\n", File.ReadAllText(r.Markdown));
        // HTML: the clips table has the column after the first differing stage.
        var row = Regex.Match(File.ReadAllText(r.IndexHtml), $"<tr data-index=\"{clip.Index}\">.*?</tr>").Value;
        Assert.Equal(Fmt.Int(clip.ModelMismatchingValues), Regex.Match(row, "<td>[^<]*</td><td class=\"num\">([^<]*)</td><td class=\"num\">[^<]*</td><td class=\"num\">[^<]*</td></tr>").Groups[1].Value);
        var gate = r.Gate!;
        Assert.Equal(GateVerdict.Regression, gate.Checks.Single(c => c.Name == GateChecks.ModelMismatches).Verdict);
        Assert.Equal(GateVerdict.Pass, gate.Checks.Single(c => c.Name == GateChecks.FeatureMismatches).Verdict);
        Assert.Equal(GateResult.ExitRegression, gate.ExitCode);
    }

    [Fact]
    public void Reports_within_a_run_directory_name_the_clip_with_most_mismatches()
    {
        var dir = _tmp.Sub("run");
        var run = SampleRun.Write(dir, 7, new SampleRunShape { Clips = 6, FeatureClips = 4, MismatchClips = 3 });
        var model = ReportGenerator.Build(dir, Options());
        var worst = run.Clips.Where(c => c.FeatureFile is not null).MaxBy(c => c.MismatchingValues)!;
        Assert.Contains($"clip {worst.Index} {worst.Name}", model.Plots.Single(p => p.Id == ReportPlots.FeatureDiff).Title);
    }
}
