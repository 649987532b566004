namespace Rig.Core.Profiles;

/// <summary>Finds profiles by name (profiles/&lt;name&gt;.yaml) or by path.</summary>
public static class ProfileCatalog
{
    public static string PathFor(string nameOrPath, string? repoRoot = null)
    {
        if (nameOrPath.EndsWith(".yaml", StringComparison.Ordinal) || nameOrPath.Contains('/'))
            return nameOrPath;
        return Path.Combine(repoRoot ?? RepoPaths.Root, "profiles", nameOrPath + ".yaml");
    }

    public static BoardProfile Load(string nameOrPath, string? repoRoot = null)
    {
        var path = PathFor(nameOrPath, repoRoot);
        if (!File.Exists(path))
        {
            var dir = Path.GetDirectoryName(path) ?? ".";
            var known = Directory.Exists(dir) ? string.Join(", ", Directory.GetFiles(dir, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order()) : "none";
            throw new Config.ConfigException(path, 0, "(file)", $"no such profile; known profiles: {known}");
        }
        return BoardProfile.Load(path);
    }

    public static IReadOnlyList<string> Names(string? repoRoot = null) =>
        Directory.GetFiles(Path.Combine(repoRoot ?? RepoPaths.Root, "profiles"), "*.yaml")
            .Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();

    /// <summary>The profile names for help texts ("nrf52840, py32f003, ..."), or why there are none outside a checkout.</summary>
    public static string Listing(string? repoRoot = null)
    {
        try
        {
            return string.Join(", ", Names(repoRoot));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            return "none found: no profiles/ folder";
        }
    }
}
