namespace Rig.Core.Firmware;

/// <summary>
/// One file the rig writes under firmware/ from a validated profile: where it goes, its exact text and the
/// command that writes it. The text is a pure function of its inputs, so the committed copy is compared byte for byte.
/// </summary>
public sealed record GeneratedFile(string Path, string Text, string Command)
{
    /// <summary>Null when the file on disk is exactly <see cref="Text"/>, else why not (relative to repoRoot) and the fix.</summary>
    public string? Staleness(string repoRoot)
    {
        var rel = System.IO.Path.GetRelativePath(repoRoot, Path);
        if (!File.Exists(Path)) return $"{rel} is missing; run `{Command}`";
        return File.ReadAllText(Path) == Text ? null : $"{rel} is stale (it differs from what the rig generates); run `{Command}`";
    }

    /// <summary>Writes the file when it differs; true when it was written.</summary>
    public bool WriteIfChanged()
    {
        if (File.Exists(Path) && File.ReadAllText(Path) == Text) return false;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, Text);
        return true;
    }
}
