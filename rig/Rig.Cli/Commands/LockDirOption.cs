using System.CommandLine;
using Rig.Hardware.Serial.Locks;
using Rig.Runs.Orchestration;

namespace Rig.Cli.Commands;

/// <summary>`--lock-dir`: where the locks of serial boards go (README, "Run a farm": board locks).</summary>
internal static class LockDirOption
{
    public static Option<string?> Create() => new("--lock-dir")
    {
        Description = $"directory of the serial boards' UUCP lock files (LCK..<device>, honoured by minicom and picocom; default {BoardLockDirectory.SystemDefault}, " +
                      "or a folder under the temp directory with a note when that is not writable)",
    };

    /// <summary>
    /// The lock directory, checked once: a given one must be writable (else exit 2); the default is looked at only when a
    /// serial board may be in the run (one is given, or a resume takes the stopped run's boards). The fallback's note
    /// and a taken-over stale lock are told on stderr.
    /// </summary>
    public static BoardLockDirectory? Resolve(string? requested, IEnumerable<BoardTarget> boards, bool resuming)
    {
        if (requested is null && !resuming && !boards.Any(b => b.IsSerial)) return null;
        var dir = BoardLockDirectory.Resolve(requested);
        if (dir.Note is { } note) Console.Error.WriteLine("warning: " + note);
        return dir with { Notify = Console.Error.WriteLine };
    }
}
