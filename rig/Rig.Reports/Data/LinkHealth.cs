using System.Globalization;
using Rig.Core.Runs;

namespace Rig.Reports.Data;

/// <summary>
/// Whose failure it was: the link (infrastructure: silence, a garbled stream, frame recovery and
/// whole-clip retries exhausted) or the firmware's answer (product: features that differ from the
/// golden model, accuracy). Nightly CI must not blame a model for a flaky cable, nor the reverse.
/// </summary>
public static class LinkHealth
{
    public static string Verdict(RunResult run)
    {
        var link = run.Link;
        var recovery = string.Create(CultureInfo.InvariantCulture,
            $"{link.ResentFrames} frames re-sent, {link.ReplayedWindows} windows replayed, {link.RecoveredClips} clips recovered, {link.Retries} whole-clip retries");
        if (link.FailedClips > 0)
            return string.Create(CultureInfo.InvariantCulture,
                $"Infrastructure: the link failed on {link.FailedClips} clip(s) after frame recovery and retries ({recovery}); this says nothing about the firmware: check the cable, the port and the board's supply.");
        if (run.FeatureMismatches > 0)
            return string.Create(CultureInfo.InvariantCulture,
                $"Product: the link delivered every frame ({recovery}); the {run.FeatureMismatches} differing feature values are the firmware's answer.");
        if (!run.Complete)
            return $"Incomplete run with no failed clip on record ({recovery}): the run was stopped before its end.";
        return $"Link healthy: every frame delivered ({recovery}); accuracy and features are the firmware's answer.";
    }
}
