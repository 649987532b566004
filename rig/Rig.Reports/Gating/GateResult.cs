namespace Rig.Reports.Gating;

/// <summary>All checks of one gate run and the process exit code they imply.</summary>
public sealed record GateResult(IReadOnlyList<GateCheck> Checks)
{
    public const int ExitPass = 0;
    public const int ExitRegression = 1;
    public const int ExitCannotCompare = 2;

    /// <summary>
    /// A different profile or config hash, or a run that did not finish (its figures cover part of the playlist),
    /// makes every number incomparable, so it wins; otherwise a
    /// proven regression wins over a metric that could not be compared.
    /// </summary>
    public int ExitCode =>
        Checks.Any(c => c.Verdict == GateVerdict.CannotCompare && c.Name is GateChecks.ConfigHash or GateChecks.Profile or GateChecks.Complete) ? ExitCannotCompare
        : Checks.Any(c => c.Verdict == GateVerdict.Regression) ? ExitRegression
        : Checks.Any(c => c.Verdict == GateVerdict.CannotCompare) ? ExitCannotCompare
        : ExitPass;

    public string Summary => ExitCode switch
    {
        ExitPass => "pass",
        ExitRegression => "regression",
        _ => "cannot compare",
    };
}
