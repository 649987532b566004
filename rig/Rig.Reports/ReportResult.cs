using Rig.Reports.Gating;

namespace Rig.Reports;

/// <summary>What <see cref="ReportGenerator.Write"/> produced.</summary>
public sealed record ReportResult(string OutputDir, string IndexHtml, string Markdown, string JUnit, IReadOnlyList<string> PlotFiles, long HtmlBytes, GateResult? Gate);
