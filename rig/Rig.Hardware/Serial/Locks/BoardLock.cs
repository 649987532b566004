using Microsoft.Win32.SafeHandles;

namespace Rig.Hardware.Serial.Locks;

/// <summary>
/// A serial board held by this process, so no other rig (nor minicom, picocom, cu) opens it meanwhile: the UUCP lock
/// file LCK..&lt;device&gt; in the lock directory, plus an exclusive flock on the device itself, which the kernel drops
/// when the process ends however it ends and which also catches a holder that wrote its lock file elsewhere or under
/// another name of the device. (System.IO.Ports adds TIOCEXCL once the port is open, so a plain open() by another
/// user fails too.) Symbolic links (/dev/serial/by-id/...) are resolved first, so every name of a board is one lock.
/// A lock file whose process is dead (a crash, a power cut) is stale: it is named and taken over.
/// Take it before the port is opened and dispose it after the port is closed.
/// </summary>
public sealed class BoardLock : IDisposable
{
    private const int Attempts = 3;

    private readonly SafeFileHandle _deviceLock;
    private bool _disposed;

    /// <summary>The port as given (--board serial:&lt;port&gt;).</summary>
    public string Port { get; }
    /// <summary>The device the port's name resolves to.</summary>
    public string Device { get; }
    /// <summary>The UUCP lock file this process wrote.</summary>
    public string LockFile { get; }
    /// <summary>The PID of the dead process whose stale lock was taken over, or null.</summary>
    public int? TookOverFromPid { get; }

    private BoardLock(string port, string device, string lockFile, SafeFileHandle deviceLock, int? tookOver)
    {
        Port = port;
        Device = device;
        LockFile = lockFile;
        _deviceLock = deviceLock;
        TookOverFromPid = tookOver;
    }

    /// <summary>
    /// Takes the board on <paramref name="port"/>, or throws <see cref="BoardLockedException"/> naming the holder's
    /// PID and command; IOException when the port does not exist.
    /// </summary>
    public static BoardLock Acquire(string port, BoardLockDirectory directory)
    {
        if (!File.Exists(port)) throw PortOpening.Missing(port);
        var device = ResolveDevice(port);
        var lockFile = Path.Combine(directory.Path, UucpLockFile.NameFor(device));
        var me = Environment.ProcessId;
        var tookOver = TakeLockFile(port, lockFile, me);
        if (tookOver is int stale)
            directory.Notify?.Invoke($"note: serial port {port}: took over the stale lock {lockFile} of pid {stale}, which is no longer running (it crashed or was killed)");
        try
        {
            return new BoardLock(port, device, lockFile, LockDevice(port, device), tookOver);
        }
        catch
        {
            UucpLockFile.RemoveIfOwned(lockFile, me);
            throw;
        }
    }

    /// <summary>Creates the lock file, taking over a stale one; the stale holder's PID, or null.</summary>
    private static int? TakeLockFile(string port, string lockFile, int me)
    {
        int? tookOver = null;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (UucpLockFile.TryCreate(lockFile, me)) return tookOver;
            if (UucpLockFile.Read(lockFile) is not { } bytes) continue; // released meanwhile
            if (UucpLockFile.ParsePid(bytes) is not int holder)
                throw new BoardLockedException($"serial port {port}: the lock file {lockFile} names no process id; " +
                                               $"if no program uses the port, remove the file (rm {lockFile}) and run again");
            if (holder == me || LockSyscalls.ProcessExists(holder)) throw InUse(port, holder, lockFile);
            // Stale: its process is gone. Read again just before removing, so a lock another process has just taken
            // over is not removed (the flock on the device still stops two users if that race is lost).
            if (UucpLockFile.Read(lockFile) is { } again && UucpLockFile.ParsePid(again) != holder) continue;
            try
            {
                File.Delete(lockFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BoardLockedException($"serial port {port}: the lock {lockFile} of pid {holder}, which is no longer running, cannot be removed " +
                                               $"({e.Message}); remove it (sudo rm {lockFile}) and run again");
            }
            tookOver = holder;
        }
        throw new BoardLockedException($"serial port {port}: the lock file {lockFile} kept changing while taking it ({Attempts} attempts); " +
                                       "another program is taking the port: run again when it is done");
    }

    /// <summary>The exclusive flock on the device, held until disposed.</summary>
    private static SafeFileHandle LockDevice(string port, string device)
    {
        var handle = LockSyscalls.OpenForLock(device, out var errno);
        if (handle is null)
        {
            if (errno == LockSyscalls.ENoEnt) throw PortOpening.Missing(port);
            // TIOCEXCL (System.IO.Ports sets it on an open port): only the open itself tells, so name who has it open.
            if (errno == LockSyscalls.EBusy) throw InUseWithoutLockFile(port, device, "opened it exclusively");
            throw new IOException($"cannot open serial port {port}: {LockSyscalls.Describe(errno)}" +
                                  (errno is LockSyscalls.EPerm or 13 ? " (your user may not use it: add it to the dialout group)" : ""));
        }
        var locked = LockSyscalls.TryLockExclusive(handle);
        if (locked == 0) return handle;
        handle.Dispose();
        if (locked == LockSyscalls.EWouldBlock) throw InUseWithoutLockFile(port, device, "holds a lock on the device");
        throw new IOException($"serial port {port}: cannot lock {device}: {LockSyscalls.Describe(locked)}");
    }

    private static string ResolveDevice(string port)
    {
        var full = Path.GetFullPath(port);
        return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
    }

    private static BoardLockedException InUse(string port, int pid, string lockFile)
    {
        var who = pid == Environment.ProcessId ? "this rig process" : Describe(pid);
        return new BoardLockedException($"serial port {port} is in use by pid {pid} ({who}; lock {lockFile}): " +
                                        $"wait for it to end, stop it (kill {pid}), or use another --board");
    }

    private static BoardLockedException InUseWithoutLockFile(string port, string device, string what)
    {
        var holders = ProcessInfo.Holders(device);
        if (holders.Count == 0)
            return new BoardLockedException($"serial port {port} is in use: another process {what} {device} (not visible to this user); " +
                                            $"find it with `fuser -v {device}` and wait for it to end or stop it");
        var pid = holders[0];
        return new BoardLockedException($"serial port {port} is in use by pid {pid} ({Describe(pid)}), which {what} {device}: " +
                                        $"wait for it to end, stop it (kill {pid}), or use another --board");
    }

    private static string Describe(int pid) => ProcessInfo.CommandLine(pid) ?? "command not readable";

    /// <summary>Drops the flock and removes the lock file (if it is still ours). Dispose after the port is closed.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        UucpLockFile.RemoveIfOwned(LockFile, Environment.ProcessId);
        _deviceLock.Dispose();
    }
}
