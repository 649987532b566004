using Rig.Core.Profiles;

namespace Rig.TestSupport;

/// <summary>
/// The board profiles of the checkout (profiles/*.yaml), the one list every per-board test enumerates:
/// a new profile file gets its test cases without a test being edited.
/// </summary>
public static class RepoProfiles
{
    public static IReadOnlyList<string> Names => ProfileCatalog.Names();

    /// <summary>One theory case per profile name.</summary>
    public static TheoryData<string> All => new(Names);

    public static BoardProfile Load(string name) => ProfileCatalog.Load(name);
}
