using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Rig.Simulation.Link;

/// <summary>
/// A Linux pseudo-terminal whose master side the rig holds, in raw mode: the slave (<see cref="Path"/>)
/// is a serial port to whoever opens it (System.IO.Ports, like a USB adapter), and this side plays
/// the device. Closing the master (<see cref="Close"/>) hangs the slave up, as unplugging a board does.
/// Every read and write is bounded (non-blocking descriptor, poll with a timeout). Safe to close from
/// one thread while another reads or writes: the descriptor is released only after the last call.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    private const int ORdWr = 0x2, ONoCtty = 0x100, ONonBlock = 0x800, OCloExec = 0x80000, TcsaNow = 0;
    private const short PollIn = 0x1, PollOut = 0x4, PollErr = 0x8, PollHup = 0x10;
    private const int EIntr = 4, EAgain = 11;
    private readonly SafeFileHandle _master;

    public string Path { get; }
    public bool IsOpen => !_master.IsClosed;

    private PseudoTerminal(SafeFileHandle master, string path)
    {
        _master = master;
        Path = path;
    }

    public static PseudoTerminal Open()
    {
        // Close-on-exec: a process the rig starts (a rig run under test, a virtual board) must not
        // inherit the device side, or closing it here would not hang the port up.
        var fd = PosixOpenPt(ORdWr | ONoCtty | ONonBlock | OCloExec);
        if (fd < 0) throw Failure("posix_openpt");
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (GrantPt(fd) != 0) throw Failure("grantpt");
            if (UnlockPt(fd) != 0) throw Failure("unlockpt");
            var name = new byte[128];
            if (PtsNameR(fd, name, (nuint)name.Length) != 0) throw Failure("ptsname_r");
            // Raw: no echo, no line editing, no CR/LF translation; the termios is shared with the slave.
            var termios = new byte[256];
            if (TcGetAttr(fd, termios) != 0) throw Failure("tcgetattr");
            CfMakeRaw(termios);
            if (TcSetAttr(fd, TcsaNow, termios) != 0) throw Failure("tcsetattr");
            return new PseudoTerminal(handle, System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0)));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Writes all of <paramref name="data"/> toward the port's owner; IOException when it did not take them within <paramref name="timeout"/>.</summary>
    public void Write(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        if (!TryWrite(data, timeout))
            throw new IOException($"pseudo-terminal {Path}: the port's owner did not take {data.Length} bytes within {timeout.TotalSeconds:0.###} s");
    }

    /// <summary>Writes all of <paramref name="data"/> unless the port's owner leaves the pty full for <paramref name="timeout"/> (then false; part may have gone).</summary>
    public bool TryWrite(ReadOnlySpan<byte> data, TimeSpan timeout)
    {
        var start = TimeProvider.System.GetTimestamp();
        var done = 0;
        while (done < data.Length)
        {
            nint n;
            int errno;
            var fd = Acquire();
            try
            {
                n = WriteFd(fd, in MemoryMarshal.GetReference(data[done..]), (nuint)(data.Length - done));
                errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
            }
            finally { Release(); }
            if (n >= 0)
            {
                done += (int)n;
                continue;
            }
            if (errno == EIntr) continue;
            if (errno != EAgain) throw Failure("write", errno);
            var left = timeout - TimeProvider.System.GetElapsedTime(start);
            if (left <= TimeSpan.Zero) return false;
            Poll(PollOut, left);
        }
        return true;
    }

    /// <summary>What the port's owner wrote, waiting at most <paramref name="timeout"/>; 0 when nothing came, -1 when nobody holds the port open.</summary>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var events = Poll(PollIn, timeout);
        if (events == 0) return 0;
        if ((events & PollIn) == 0 && (events & (PollHup | PollErr)) != 0) return -1;
        nint n;
        int errno;
        var fd = Acquire();
        try
        {
            n = ReadFd(fd, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
        }
        finally { Release(); }
        if (n >= 0) return (int)n;
        // EIO: nobody holds the slave open (the port was closed).
        return errno is EIntr or EAgain ? 0 : -1;
    }

    /// <summary>Closes the device side: the port's owner sees a hang-up.</summary>
    public void Close() => _master.Dispose();

    public void Dispose() => Close();

    private short Poll(short events, TimeSpan timeout)
    {
        var ms = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
        var p = new PollFd { Fd = Acquire(), Events = events };
        int ready, errno;
        try
        {
            ready = PollFds(ref p, 1, ms);
            errno = ready < 0 ? Marshal.GetLastPInvokeError() : 0;
        }
        finally { Release(); }
        if (ready < 0 && errno != EIntr) throw Failure("poll", errno);
        return ready > 0 ? p.Revents : (short)0;
    }

    /// <summary>
    /// The descriptor, referenced until <see cref="Release"/>: a concurrent Close cannot free it (and
    /// the system hand its number to another file) during a call. ObjectDisposedException once closed.
    /// </summary>
    private int Acquire()
    {
        var added = false;
        _master.DangerousAddRef(ref added);
        return (int)_master.DangerousGetHandle();
    }

    private void Release() => _master.DangerousRelease();

    private static IOException Failure(string call, int? errno = null)
    {
        var e = errno ?? Marshal.GetLastPInvokeError();
        return new IOException($"pseudo-terminal: {call} failed: {Marshal.GetPInvokeErrorMessage(e)} (errno {e})");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [DllImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static extern int PosixOpenPt(int flags);
    [DllImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static extern int GrantPt(int fd);
    [DllImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static extern int UnlockPt(int fd);
    [DllImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    private static extern int PtsNameR(int fd, byte[] buf, nuint len);
    [DllImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    private static extern int TcGetAttr(int fd, byte[] termios);
    [DllImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    private static extern int TcSetAttr(int fd, int when, byte[] termios);
    [DllImport("libc", EntryPoint = "cfmakeraw")]
    private static extern void CfMakeRaw(byte[] termios);
    [DllImport("libc", EntryPoint = "read", SetLastError = true)]
    private static extern nint ReadFd(int fd, ref byte buf, nuint count);
    [DllImport("libc", EntryPoint = "write", SetLastError = true)]
    private static extern nint WriteFd(int fd, in byte buf, nuint count);
    [DllImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static extern int PollFds(ref PollFd fds, nuint count, int timeoutMs);
}
