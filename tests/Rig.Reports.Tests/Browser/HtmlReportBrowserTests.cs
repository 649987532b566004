using Microsoft.Playwright;
using Rig.Core.Runs;
using Rig.Reports.Gating;
using Rig.Reports.Output;
using Rig.Reports.Tests.Support;
using Xunit.Abstractions;

namespace Rig.Reports.Tests.Browser;

/// <summary>index.html opened from disk in headless Chromium: no network, every plot decodes, tables show the run's numbers.</summary>
public sealed class HtmlReportBrowserTests : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly ChromiumFixture _chromium;
    private readonly ITestOutputHelper _output;
    private readonly TempDir _tmp = new();

    public HtmlReportBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    {
        _chromium = chromium;
        _output = output;
    }

    public void Dispose() => _tmp.Dispose();

    /// <summary>Kept after the run (TestResults is gitignored) so a human can look at the report and the screenshot.</summary>
    private static string ArtifactDir(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private async Task<(IPage Page, List<string> Requests, List<string> Dialogs)> Open(string indexHtml)
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1450, Height = 1000 }, JavaScriptEnabled = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var requests = new List<string>();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("file:", StringComparison.Ordinal)) await route.ContinueAsync();
            else { requests.Add(url); await route.AbortAsync(); }
        });
        await page.GotoAsync(new Uri(indexHtml).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, requests, dialogs);
    }

    [Fact]
    public async Task The_report_opens_from_disk_with_every_plot_loaded_and_the_runs_numbers_in_its_tables()
    {
        var runDir = ArtifactDir("browser-report");
        var run = SampleRun.Write(runDir, seed: 42, new SampleRunShape { Clips = 48, MismatchClips = 0 });
        var baselinePath = _tmp.Sub("baseline.json");
        BaselineFile.Write(baselinePath, Baseline.From(run) with { AccuracyPercent = run.Accuracy * 100 + 1, RunId = "run-base" });
        var report = ReportGenerator.Write(runDir, new ReportOptions { Profile = Profiles.Py32, BaselinePath = baselinePath, LookUpDefaults = false });

        var (page, requests, dialogs) = await Open(report.IndexHtml);

        var widths = await page.EvalOnSelectorAllAsync<int[]>("img", "imgs => imgs.map(i => i.complete ? i.naturalWidth : -1)");
        Assert.Equal(8, widths.Length);
        Assert.All(widths, w => Assert.True(w > 0, $"an image did not decode (naturalWidth {w})"));
        var heights = await page.EvalOnSelectorAllAsync<int[]>("img", "imgs => imgs.map(i => i.naturalHeight)");
        Assert.All(heights, h => Assert.True(h > 100));

        Assert.Equal(Fmt.Fraction(run.Accuracy), (await page.InnerTextAsync("#summary tr[data-key=accuracy] td")).Trim());
        Assert.Equal(run.Clips.Count.ToString(), (await page.InnerTextAsync("#summary tr[data-key=clips] td")).Trim());
        Assert.Equal(run.ConfigHash, (await page.InnerTextAsync("#summary tr[data-key=config-hash] td")).Trim());
        Assert.Equal(run.Clips.Count, await page.Locator("#clips tbody tr").CountAsync());
        var clip = run.Clips[17];
        var row = page.Locator("#clips tbody tr[data-index='17'] td");
        Assert.Equal(clip.Name, (await row.Nth(1).InnerTextAsync()).Trim());
        Assert.Equal(clip.Predicted, (await row.Nth(3).InnerTextAsync()).Trim());
        var confusion = await page.EvalOnSelectorAllAsync<int[]>("#confusion td", "tds => tds.map(t => parseInt(t.textContent))");
        Assert.Equal(run.Confusion.Counts.SelectMany(r => r), confusion);
        Assert.Equal(Fmt.Number(run.Power!.EnergyPerInferenceUj) + " uJ", (await page.InnerTextAsync("#power-table tr[data-key=energy-per-inference] td")).Trim());

        // The baseline claims one point more accuracy: within the 2-point limit, so the gate passes.
        Assert.Equal("pass", (await page.InnerTextAsync("#gate-verdict")).Trim());
        Assert.Equal(report.Gate!.Checks.Count, await page.Locator("#gate tbody tr").CountAsync());
        Assert.Equal("-1", (await page.InnerTextAsync($"#gate tr[data-check='{GateChecks.Accuracy}'] td:nth-child(4)")).Trim());

        Assert.Empty(requests);
        Assert.Empty(dialogs);
        var shot = Path.Combine(runDir, "screenshot.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
        // The first screenful too: what someone opening the report sees before scrolling.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(runDir, "screenshot-top.png") });
        _output.WriteLine($"report: {report.IndexHtml} ({report.HtmlBytes} bytes)");
        _output.WriteLine($"screenshot: {shot}");
        Console.WriteLine($"screenshot: {shot}");
    }

    [Fact]
    public async Task A_graph_models_layer_costs_arena_and_first_diverging_layer_show_in_the_report()
    {
        var runDir = ArtifactDir("browser-model-layers");
        var run = SampleRun.Write(runDir, seed: 44, new SampleRunShape { Clips = 6 });
        ModelLayer[] layers = [new(0, "Conv2D", 81920, 392, 5120), new(1, "DepthwiseConv2D", 46080, 416, 5120), new(2, "AveragePool2D", 5120, 0, 64),
                               new(3, "Reshape", 0, 0, 64), new(4, "FullyConnected", 384, 432, 6), new(5, "Softmax", 6, 0, 6)];
        var divergence = new LayerDivergence(3, 1, "DepthwiseConv2D", 17, 5120, 40, -12, -11);
        var clips = run.Clips.Select((c, i) => i == 2 ? c with { ModelWindows = 9, ModelMismatchingValues = 5, FirstDivergingLayer = divergence } : c with { ModelWindows = 9 }).ToList();
        RunJson.Write(runDir, run with
        {
            Clips = clips,
            ModelMismatches = 5,
            Model = new ModelSummary("ds-cnn-test", layers.Sum(l => l.Macc), layers.Sum(l => l.WeightBytes), 12000) { Layers = layers, ArenaBytes = 10304, RamBudgetBytes = 8192 },
        });
        var report = ReportGenerator.Write(runDir, new ReportOptions { Profile = Profiles.Py32, LookUpDefaults = false });

        var (page, _, _) = await Open(report.IndexHtml);

        Assert.Equal("5", (await page.InnerTextAsync("#summary tr[data-key=model-mismatches] td")).Trim());
        Assert.Equal("5", (await page.InnerTextAsync("#model-mismatches")).Trim());
        Assert.Equal(layers.Length + 1, await page.Locator("#model-layers tbody tr").CountAsync());
        var macc = await page.EvalOnSelectorAllAsync<string[]>("#model-layers tbody tr td:nth-child(3)", "tds => tds.map(t => t.textContent)");
        Assert.Equal([.. layers.Select(l => l.Macc.ToString(System.Globalization.CultureInfo.InvariantCulture)), layers.Sum(l => l.Macc).ToString(System.Globalization.CultureInfo.InvariantCulture)], macc);
        Assert.Equal("DepthwiseConv2D", (await page.InnerTextAsync("#model-layers tbody tr:nth-child(2) td:nth-child(2)")).Trim());
        Assert.Contains("over budget", await page.InnerTextAsync("#model-arena"), StringComparison.Ordinal);
        var cells = await page.EvalOnSelectorAllAsync<string[]>("#model-divergence tbody td", "tds => tds.map(t => t.textContent)");
        Assert.Equal([clips[2].Name, "3", "1", "DepthwiseConv2D", "17 of 5120", "40", "-12", "-11"], cells);
        Assert.Contains("layer 1 (DepthwiseConv2D) of window 3", File.ReadAllText(report.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_label_stays_text_and_runs_nothing()
    {
        const string evil = "<img src=x onerror=alert('label')><script>alert('run')</script>";
        var runDir = ArtifactDir("browser-hostile");
        var run = SampleRun.Write(runDir, seed: 43, new SampleRunShape { Clips = 14, ExtraLabel = evil });
        RunJson.Write(runDir, run with { Board = evil });
        var report = ReportGenerator.Write(runDir, new ReportOptions { Profile = Profiles.Py32, LookUpDefaults = false });

        var (page, requests, dialogs) = await Open(report.IndexHtml);

        Assert.Empty(dialogs);
        Assert.Empty(requests);
        Assert.Equal(8, await page.Locator("img").CountAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal(evil, (await page.InnerTextAsync("#summary tr[data-key=board] td")).Trim());
        Assert.Equal(evil, (await page.InnerTextAsync($"#classes tbody tr:nth-child({run.Confusion.Labels.Count}) td")).Trim());
    }
}
