using Rig.Core.Profiles;
using Rig.Dsp.Tables;

namespace Rig.Core.Firmware;

/// <summary>
/// Every file written into firmware/generated/&lt;profile&gt;/ from the validated profile by `rig tables`: the
/// frontend tables, rig_profile.h (C) and rig_profile.cmake (the image build). The model weights are `rig train`'s.
/// </summary>
public static class ProfileFiles
{
    public static string Command(string profile) => $"rig tables --profile {profile}";

    public static string Directory(string repoRoot, string profile) => Path.Combine(repoRoot, "firmware", "generated", profile);

    public static IReadOnlyList<GeneratedFile> For(string repoRoot, BoardProfile profile)
    {
        var dir = Directory(repoRoot, profile.Name);
        var command = Command(profile.Name);
        return
        [
            new(Path.Combine(dir, TablesHeaderWriter.FileName), FrontendTablesText(profile), command),
            new(Path.Combine(dir, ProfileHeaderWriter.FileName), ProfileHeaderWriter.Write(profile), command),
            new(Path.Combine(dir, ProfileCmakeWriter.FileName), ProfileCmakeWriter.Write(profile), command),
        ];
    }

    public static string FrontendTablesText(BoardProfile profile) =>
        TablesHeaderWriter.Write(new FrontendTables(profile.Frontend), profile.Name, profile.Memory.FrontendRamBudgetBytes);

    /// <summary>Why each of the profile's generated files is missing or stale; empty when all are fresh.</summary>
    public static IReadOnlyList<string> Staleness(string repoRoot, BoardProfile profile) =>
        For(repoRoot, profile).Select(f => f.Staleness(repoRoot)).OfType<string>().ToList();
}
