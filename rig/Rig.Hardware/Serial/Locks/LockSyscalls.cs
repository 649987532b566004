using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Rig.Hardware.Serial.Locks;

/// <summary>The few libc calls board locks need that .NET does not offer: link (atomic lock-file creation), flock, kill(pid, 0).</summary>
internal static class LockSyscalls
{
    public const int EPerm = 1, ENoEnt = 2, ESrch = 3, EIntr = 4, EWouldBlock = 11, EBusy = 16, EExist = 17;
    private const int ORdOnly = 0, ONoCtty = 0x100, ONonBlock = 0x800, OCloExec = 0x80000;
    private const int LockEx = 2, LockNb = 4;

    /// <summary>
    /// Opens a device for its lock only: no controlling terminal, and non-blocking so a serial port
    /// without carrier does not hold the open. Null with the errno on failure.
    /// </summary>
    public static SafeFileHandle? OpenForLock(string path, out int errno)
    {
        int fd;
        do
        {
            fd = OpenFd(path, ORdOnly | ONoCtty | ONonBlock | OCloExec);
            errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        } while (fd < 0 && errno == EIntr);
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>An exclusive flock that fails at once when another open file holds one: 0, or the errno.</summary>
    public static int TryLockExclusive(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            while (true)
            {
                if (FlockFd((int)handle.DangerousGetHandle(), LockEx | LockNb) == 0) return 0;
                var errno = Marshal.GetLastPInvokeError();
                if (errno != EIntr) return errno;
            }
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    /// <summary>Creates <paramref name="to"/> as a second name of <paramref name="from"/>; fails (EEXIST) if it exists. 0, or the errno.</summary>
    public static int Link(string from, string to) => LinkPaths(from, to) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Whether a process with this id exists (kill with signal 0: EPERM means it exists but is another user's).</summary>
    public static bool ProcessExists(int pid)
    {
        if (pid <= 0) return false;
        if (KillPid(pid, 0) == 0) return true;
        return Marshal.GetLastPInvokeError() != ESrch;
    }

    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenFd([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int FlockFd(int fd, int operation);
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int LinkPaths([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillPid(int pid, int signal);
}
