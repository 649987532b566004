using System.Runtime.InteropServices;

namespace Rig.Simulation.Link;

/// <summary>
/// A Linux pseudo-terminal whose master side the rig holds, in raw mode: the slave (<see cref="Path"/>)
/// is a serial port to whoever opens it (System.IO.Ports, like a USB adapter), and this side plays
/// the device. Closing the master (<see cref="Close"/>) hangs the slave up, as unplugging a board does.
/// Every read is bounded (poll with a timeout); writes block until the far end took the bytes.
/// </summary>
public sealed class PseudoTerminal : IDisposable
{
    private const int ORdWr = 0x2, ONoCtty = 0x100, TcsaNow = 0;
    private const short PollIn = 0x1, PollErr = 0x8, PollHup = 0x10;
    private const int EIntr = 4, EAgain = 11;
    private int _master;

    public string Path { get; }
    public bool IsOpen => Volatile.Read(ref _master) >= 0;

    private PseudoTerminal(int master, string path)
    {
        _master = master;
        Path = path;
    }

    public static PseudoTerminal Open()
    {
        var fd = PosixOpenPt(ORdWr | ONoCtty);
        if (fd < 0) throw Failure("posix_openpt");
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
            return new PseudoTerminal(fd, System.Text.Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0)));
        }
        catch
        {
            CloseFd(fd);
            throw;
        }
    }

    /// <summary>Writes all of <paramref name="data"/> toward the port's reader (blocks while the pty is full).</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        var done = 0;
        while (done < data.Length)
        {
            var n = WriteFd(Master(), in MemoryMarshal.GetReference(data[done..]), (nuint)(data.Length - done));
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is EIntr or EAgain) continue;
                throw Failure("write", errno);
            }
            done += (int)n;
        }
    }

    /// <summary>What the port's owner wrote, waiting at most <paramref name="timeout"/>; 0 when nothing came, -1 when the port side hung up.</summary>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var poll = new PollFd { Fd = Master(), Events = PollIn };
        var ms = (int)Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue);
        var ready = PollFds(ref poll, 1, ms);
        if (ready < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EIntr) return 0;
            throw Failure("poll", errno);
        }
        if (ready == 0) return 0;
        if ((poll.Revents & PollIn) == 0 && (poll.Revents & (PollHup | PollErr)) != 0) return -1;
        var n = ReadFd(poll.Fd, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
        if (n >= 0) return (int)n;
        var errno2 = Marshal.GetLastPInvokeError();
        // EIO: nobody holds the slave open (the port was closed).
        return errno2 is EIntr or EAgain ? 0 : -1;
    }

    /// <summary>Closes the device side: the port's owner sees a hang-up.</summary>
    public void Close()
    {
        var fd = Interlocked.Exchange(ref _master, -1);
        if (fd >= 0) CloseFd(fd);
    }

    public void Dispose() => Close();

    private int Master()
    {
        var fd = Volatile.Read(ref _master);
        return fd >= 0 ? fd : throw new ObjectDisposedException(nameof(PseudoTerminal), $"the pseudo-terminal {Path} was closed");
    }

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
    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseFd(int fd);
}
