using Rig.Core.Runs;
using Rig.Reports.Data;
using Rig.Reports.Output;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Data;

/// <summary>The link verdict and link-health figures in index.html and report.md.</summary>
public sealed class LinkHealthTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private (RunResult Run, ReportResult Report) Generate(Func<RunResult, RunResult> change)
    {
        var dir = _tmp.Sub("run");
        var run = change(SampleRun.Write(dir, 5));
        RunJson.Write(dir, run);
        return (run, ReportGenerator.Write(dir, new ReportOptions { Profile = Profiles.Py32, LookUpDefaults = false }));
    }

    private static LinkCounters Recovered => new() { FramesReceived = 91234, CrcErrors = 17, ResentFrames = 23, ReplayedWindows = 4, RecoveredClips = 6, Retries = 1 };

    [Fact]
    public void A_failed_clip_is_the_links_fault_whatever_the_features_say()
    {
        var (run, report) = Generate(r => r with { Complete = false, Link = Recovered with { FailedClips = 1 } });
        Assert.True(run.FeatureMismatches > 0);
        var verdict = LinkHealth.Verdict(run);
        Assert.StartsWith("Infrastructure", verdict);
        Assert.Contains("23 frames re-sent, 4 windows replayed, 6 clips recovered, 1 whole-clip retries", verdict);
        Assert.Contains("Infrastructure", File.ReadAllText(report.IndexHtml));
        Assert.Contains("Infrastructure", File.ReadAllText(report.Markdown));
    }

    [Fact]
    public void Feature_mismatches_over_a_link_that_delivered_everything_are_the_products()
    {
        var (run, report) = Generate(r => r with { Link = Recovered });
        Assert.StartsWith("Product", LinkHealth.Verdict(run));
        var md = File.ReadAllText(report.Markdown);
        Assert.Contains("| 91234 | 17 | 23 | 4 | 1 | 6 | 0 |", md);
        var html = File.ReadAllText(report.IndexHtml);
        Assert.Contains("<p id=\"link-verdict\">Product", html);
        foreach (var row in new[] { "Re-sent frames", "Replayed windows", "Recovered clips", "Failed clips", "Bytes sent", "CRC errors" })
            Assert.Contains(row, html);
    }

    [Fact]
    public void A_clean_run_is_called_healthy()
    {
        var (run, _) = Generate(r => r with
        {
            FeatureMismatches = 0,
            Clips = r.Clips.Select(c => c with { MismatchingValues = 0 }).ToList(), // run.json must agree with its clips
            Link = new LinkCounters { FramesReceived = 500 },
        });
        Assert.StartsWith("Link healthy", LinkHealth.Verdict(run));
    }
}
