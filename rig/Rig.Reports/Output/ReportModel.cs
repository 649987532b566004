using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports.Data;
using Rig.Reports.Gating;

namespace Rig.Reports.Output;

/// <summary>Everything the HTML, Markdown and JUnit writers show, computed once.</summary>
public sealed record ReportModel(
    RunDirectory Dir,
    BoardProfile? Profile,
    Baseline? Baseline,
    GateResult? Gate,
    IReadOnlyList<ClassAccuracy> Classes,
    IReadOnlyList<Rig.Plots.StageCycles> Stages,
    IReadOnlyList<PlotFile> Plots,
    IReadOnlyList<string> Notes)
{
    public RunResult Run => Dir.Run;
}
