namespace Rig.TestSupport;

/// <summary>Copies a folder tree (a scratch copy of the repo's firmware/ and profiles/ a test may change).</summary>
public static class FolderCopy
{
    /// <summary>Copies <paramref name="from"/> into <paramref name="to"/>, leaving out the folder <paramref name="skip"/> (e.g. a build folder).</summary>
    public static void Tree(string from, string to, string? skip = null)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from).Where(d => d != skip))
            Tree(dir, Path.Combine(to, Path.GetFileName(dir)), skip);
    }
}
