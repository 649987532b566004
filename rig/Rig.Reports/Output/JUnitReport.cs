using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Rig.Reports.Gating;

namespace Rig.Reports.Output;

/// <summary>
/// junit.xml: one test case per clip (failed when misclassified or when board and golden features
/// differ) and one per gate check (failure = regression, error = cannot compare, skipped = not measured),
/// so Jenkins, GitLab and GitHub list them.
/// </summary>
public static class JUnitReport
{
    public static string Render(ReportModel m)
    {
        var run = m.Run;
        var suites = new XElement("testsuites", new XAttribute("name", X("rig " + run.Profile)));
        var clipSuite = new XElement("testsuite", new XAttribute("name", X($"clips.{run.Profile}")), new XAttribute("timestamp", run.StartedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));
        int clipFailures = 0;
        foreach (var c in run.Clips)
        {
            var tc = new XElement("testcase",
                new XAttribute("classname", X($"rig.{run.Profile}.clips")),
                new XAttribute("name", X($"{c.Index:D3} {c.Name}")),
                new XAttribute("time", c.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture)));
            var problems = new List<string>();
            if (c.Label != c.Predicted) problems.Add($"expected {c.Label}, predicted {c.Predicted}");
            if (c.MismatchingValues > 0) problems.Add($"{c.MismatchingValues} feature values differ from the golden model (max |diff| {c.MaxAbsDifference}, first at stage {c.FirstDifferingStage ?? "?"})");
            if (c.ModelMismatchingValues > 0)
                problems.Add($"{c.ModelMismatchingValues} model output values differ from the golden twin" + (c.FirstDivergingLayer is { } l ? $" (first at {l.Describe()})" : ""));
            if (problems.Count > 0)
            {
                clipFailures++;
                var type = c.Label != c.Predicted ? "misclassified" : c.MismatchingValues > 0 ? "feature-mismatch" : "model-mismatch";
                tc.Add(new XElement("failure", new XAttribute("message", X(problems[0])), new XAttribute("type", type), X(string.Join("\n", problems))));
            }
            clipSuite.Add(tc);
        }
        clipSuite.Add(new XAttribute("tests", run.Clips.Count), new XAttribute("failures", clipFailures), new XAttribute("errors", 0), new XAttribute("skipped", 0));
        suites.Add(clipSuite);
        int total = run.Clips.Count, failures = clipFailures, errors = 0, skipped = 0;
        if (m.Gate is { } gate)
        {
            var gateSuite = new XElement("testsuite", new XAttribute("name", X($"gate.{run.Profile}")));
            int f = 0, e = 0, s = 0;
            foreach (var check in gate.Checks)
            {
                var tc = new XElement("testcase", new XAttribute("classname", X($"rig.{run.Profile}.gate")), new XAttribute("name", X(check.Name)), new XAttribute("time", "0"));
                var detail = $"baseline {Fmt.Number(check.Baseline)}, current {Fmt.Number(check.Current)}, delta {Fmt.Signed(check.Delta)}, limit {check.Limit}: {check.Reason}";
                switch (check.Verdict)
                {
                    case GateVerdict.Regression: f++; tc.Add(new XElement("failure", new XAttribute("message", X(detail)), new XAttribute("type", "regression"))); break;
                    case GateVerdict.CannotCompare: e++; tc.Add(new XElement("error", new XAttribute("message", X(detail)), new XAttribute("type", "cannot-compare"))); break;
                    case GateVerdict.NotMeasured: s++; tc.Add(new XElement("skipped", new XAttribute("message", X(check.Reason)))); break;
                }
                gateSuite.Add(tc);
            }
            gateSuite.Add(new XAttribute("tests", gate.Checks.Count), new XAttribute("failures", f), new XAttribute("errors", e), new XAttribute("skipped", s));
            suites.Add(gateSuite);
            total += gate.Checks.Count; failures += f; errors += e; skipped += s;
        }
        suites.Add(new XAttribute("tests", total), new XAttribute("failures", failures), new XAttribute("errors", errors), new XAttribute("skipped", skipped));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).Declaration + "\n" + suites + "\n";
    }

    /// <summary>Drops characters XML 1.0 cannot carry at all (control characters in a hostile label), escaping is XLinq's job.</summary>
    private static string X(string s) => string.Concat(s.Where(XmlConvert.IsXmlChar));
}
