using Rig.Core.Runs;

namespace Rig.Store.Tests.Support;

/// <summary>Seeded runs as hosts of a farm record them: the reference playlist's 54 clips by default, a host and a port.</summary>
public static class FarmRuns
{
    public const int ReferenceClips = 54;

    public static RunResult Make(TempDir tmp, int seed, string host, string board = "serial:/dev/serial/by-id/usb-rig-py32-0", string profile = "py32f003", int clips = ReferenceClips, int modelMismatchClips = 0)
    {
        var run = SampleRun.Write(tmp.Sub($"run-{seed}"), seed, new SampleRunShape { Clips = clips, FeatureClips = 0, Profile = profile, ModelMismatchClips = modelMismatchClips });
        return run with { RunId = $"{profile}-{host}-{seed:D4}", Host = host, Board = board };
    }
}
