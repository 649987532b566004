using System.Globalization;
using System.Text;

namespace Rig.Hardware.Serial.Locks;

/// <summary>
/// The UUCP lock file of a serial device, as the FHS (/var/lock) and HDB UUCP define it and minicom, picocom and cu
/// honour: <c>LCK..&lt;device base name&gt;</c> holding the owner's PID as ten ASCII characters, right-aligned, and a
/// newline (process 1230: six spaces, "1230", "\n"). Created by linking a finished temporary file to the name, so
/// nobody ever reads a half-written lock.
/// </summary>
public static class UucpLockFile
{
    public const string Prefix = "LCK..";

    /// <summary>The lock file's name for a device (symbolic links such as /dev/serial/by-id/... resolved first by the caller).</summary>
    public static string NameFor(string device) => Prefix + Path.GetFileName(device);

    /// <summary>The eleven bytes of the HDB format.</summary>
    public static string Content(int pid) => pid.ToString(CultureInfo.InvariantCulture).PadLeft(10) + "\n";

    /// <summary>
    /// The PID a lock file names: HDB ASCII (leading spaces or zeros; a second line naming the program is allowed), or
    /// the original four-byte binary form. Null when the bytes are neither.
    /// </summary>
    public static int? ParsePid(ReadOnlySpan<byte> content)
    {
        var text = Encoding.ASCII.GetString(content);
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (firstLine.Length > 0 && int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0) return pid;
        // Four bytes that are not text (a PID below 0x20202020 has a zero or control byte) are the binary form.
        if (content.Length == 4 && !IsText(content) && BitConverter.ToInt32(content) is > 0 and var binary) return binary;
        return null;
    }

    private static bool IsText(ReadOnlySpan<byte> content)
    {
        foreach (var b in content)
            if (b is not (>= 0x20 and <= 0x7E or (byte)'\n')) return false;
        return true;
    }

    /// <summary>Creates the lock naming <paramref name="pid"/>; false when a lock file of that name exists already.</summary>
    public static bool TryCreate(string lockPath, int pid)
    {
        var dir = Path.GetDirectoryName(lockPath)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(lockPath)}.{pid.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}");
        File.WriteAllText(temp, Content(pid), Encoding.ASCII);
        try
        {
            // Every lock in /var/lock should be world-readable, whatever the umask.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var errno = LockSyscalls.Link(temp, lockPath);
            if (errno == 0) return true;
            if (errno == LockSyscalls.EExist) return false;
            throw new IOException($"cannot create the board lock {lockPath}: {LockSyscalls.Describe(errno)}");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The lock file's bytes, or null when it is gone.</summary>
    public static byte[]? Read(string lockPath)
    {
        try
        {
            return File.ReadAllBytes(lockPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes the lock if it still names <paramref name="pid"/> (a lock another process took over stays).</summary>
    public static void RemoveIfOwned(string lockPath, int pid)
    {
        try
        {
            if (Read(lockPath) is { } bytes && ParsePid(bytes) == pid) File.Delete(lockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Released at exit all the same: the next user finds our PID dead and takes the stale lock over.
        }
    }
}
