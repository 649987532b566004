namespace Rig.Reports.Gating;

public enum GateVerdict { Pass, Regression, CannotCompare, NotMeasured }

/// <summary>One row of the gate table. Numbers are null where a side did not measure the metric.</summary>
public sealed record GateCheck(
    string Name,
    string Unit,
    double? Baseline,
    double? Current,
    double? Delta,
    string Limit,
    GateVerdict Verdict,
    string Reason);
