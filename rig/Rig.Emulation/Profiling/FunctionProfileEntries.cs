using Rig.Core.Runs;

namespace Rig.Emulation.Profiling;

/// <summary>A <see cref="FunctionProfile"/> as run.json's <c>functionProfile</c>: the top functions by self cycles with their shares of the frontend and of an inference.</summary>
public static class FunctionProfileEntries
{
    public static IReadOnlyList<FunctionProfileEntry> From(FunctionProfile profile, int count = FunctionProfileEntry.TopCount) =>
        [.. profile.Top(count).Select(f => new FunctionProfileEntry(f.Name, checked((long)f.SelfCycles), checked((long)f.TotalCycles), checked((long)f.Calls))
        {
            FrontendShare = profile.ShareOf(f.Name, FirmwareScopes.Frontend),
            InferenceShare = profile.ShareOf(f.Name, FirmwareScopes.Model),
        })];
}
