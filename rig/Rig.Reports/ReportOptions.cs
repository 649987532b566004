using Rig.Core.Profiles;

namespace Rig.Reports;

/// <summary>How to report a run. Null profile or baseline: looked up by the run's profile name when <see cref="LookUpDefaults"/>.</summary>
public sealed record ReportOptions
{
    public BoardProfile? Profile { get; init; }
    /// <summary>Baseline file to gate against; when set it must exist and be readable.</summary>
    public string? BaselinePath { get; init; }
    /// <summary>Look up profiles/&lt;profile&gt;.yaml and reports/baselines/&lt;profile&gt;.json in the checkout when not given.</summary>
    public bool LookUpDefaults { get; init; } = true;
    /// <summary>Where to write; default &lt;run dir&gt;/report.</summary>
    public string? OutputDir { get; init; }
}
