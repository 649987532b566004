using Rig.Dsp.Tables;

using Rig.Core.Firmware;
using Rig.Core.Profiles;

namespace Rig.Native;

/// <summary>Where a profile's generated frontend header lives and what it must contain.</summary>
public static class FrontendHeaderFile
{
    public static string PathFor(string repoRoot, string profile) =>
        Path.Combine(repoRoot, "firmware", "generated", profile, TablesHeaderWriter.FileName);

    public static string Render(BoardProfile profile) => ProfileFiles.FrontendTablesText(profile);

    /// <summary>Null when the committed header equals the generator's output, else why not.</summary>
    public static string? Staleness(string repoRoot, BoardProfile profile)
    {
        var path = PathFor(repoRoot, profile.Name);
        var rel = Path.GetRelativePath(repoRoot, path);
        if (!File.Exists(path))
            return $"{rel} is missing; run `rig tables --profile {profile.Name}`";
        return File.ReadAllText(path) == Render(profile)
            ? null
            : $"{rel} is stale (it differs from what the golden model generates); run `rig tables --profile {profile.Name}`";
    }
}
