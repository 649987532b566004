namespace Rig.Core;

/// <summary>
/// Locates the repository (the folder holding Rig.sln, profiles/ and firmware/), so the rig works
/// from any working directory inside a checkout. RIG_ROOT overrides the search.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;
    public static string Profiles => Path.Combine(Root, "profiles");
    public static string Playlists => Path.Combine(Root, "playlists");
    public static string Firmware => Path.Combine(Root, "firmware");
    public static string Generated(string profile) => Path.Combine(Root, "firmware", "generated", profile);

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("RIG_ROOT");
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Rig.sln")) && Directory.Exists(Path.Combine(dir.FullName, "profiles")))
                    return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the Rig checkout (a folder with Rig.sln and profiles/); run inside it or set RIG_ROOT");
    }
}
