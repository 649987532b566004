namespace Rig.Hardware.Serial.Locks;

/// <summary>
/// Where board locks are written: the FHS /var/lock by default (where minicom and picocom look), or the directory
/// given (`--lock-dir`). Chosen once at the edge. When /var/lock is not writable for this user the locks go to a
/// folder under the temp directory instead, and <see cref="Note"/> says so: rig processes still exclude each other
/// there (and through the flock on the port), but other programs do not see those locks.
/// </summary>
public sealed record BoardLockDirectory(string Path, string? Note)
{
    public const string SystemDefault = "/var/lock";

    /// <summary>Reports a stale lock that was taken over (a line for the user); null = not reported.</summary>
    public Action<string>? Notify { get; init; }

    /// <summary>
    /// The directory to use: <paramref name="requested"/> (which must be a writable directory) or /var/lock with its
    /// fallback. <paramref name="fallback"/> replaces the temp-directory fallback (tests).
    /// </summary>
    public static BoardLockDirectory Resolve(string? requested, string? systemDefault = null, string? fallback = null)
    {
        if (requested is not null)
        {
            var full = System.IO.Path.GetFullPath(requested);
            if (Unusable(full) is { } why) throw new IOException($"--lock-dir {full}: {why}; give a writable directory");
            return new BoardLockDirectory(full, null);
        }
        var system = systemDefault ?? SystemDefault;
        if (Unusable(system) is not { } reason) return new BoardLockDirectory(system, null);
        var instead = fallback ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rig-locks");
        Directory.CreateDirectory(instead);
        if (Unusable(instead) is { } also) throw new IOException($"board locks: {system} {reason} and {instead} {also}; pass --lock-dir with a writable directory");
        return new BoardLockDirectory(instead, $"board locks: {system} {reason}; using {instead}, which minicom and picocom do not look at " +
                                               $"(make {system} writable for this user, e.g. add it to the group owning it, or pass --lock-dir)");
    }

    /// <summary>Why a directory cannot hold locks, or null when it can (tried by creating a file: ACLs and read-only mounts count).</summary>
    private static string? Unusable(string dir)
    {
        if (!Directory.Exists(dir)) return File.Exists(dir) ? "is a file, not a directory" : "does not exist";
        var probe = System.IO.Path.Combine(dir, $".rig-lock-probe.{Environment.ProcessId}.{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"is not writable ({e.Message})";
        }
    }
}
