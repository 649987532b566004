using System.Globalization;

namespace Rig.Hardware.Serial.Locks;

/// <summary>What /proc tells about another process: its command line, and which processes hold a device open.</summary>
public static class ProcessInfo
{
    private const int MaxCommandChars = 200;

    /// <summary>The command line of <paramref name="pid"/> (arguments joined by spaces, shortened), or null when it cannot be read.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllBytes($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            var text = System.Text.Encoding.UTF8.GetString(raw).TrimEnd('\0').Replace('\0', ' ');
            if (text.Length == 0) return null;
            return text.Length <= MaxCommandChars ? text : text[..(MaxCommandChars - 3)] + "...";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The processes other than this one with <paramref name="device"/> open (their /proc/&lt;pid&gt;/fd links), in pid order.
    /// Processes of other users are invisible without privileges; the list is then short, never wrong.
    /// </summary>
    public static IReadOnlyList<int> Holders(string device)
    {
        var found = new List<int>();
        foreach (var dir in SafeEnumerate("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId) continue;
            foreach (var fd in SafeEnumerate(Path.Combine(dir, "fd")))
            {
                string? target;
                try
                {
                    target = new FileInfo(fd).LinkTarget;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                if (target == device)
                {
                    found.Add(pid);
                    break;
                }
            }
        }
        found.Sort();
        return found;
    }

    private static IEnumerable<string> SafeEnumerate(string dir)
    {
        try
        {
            return Directory.GetFileSystemEntries(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
