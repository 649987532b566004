using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rig.Flash.Tests.Gdb;

/// <summary>
/// A third-party GDB server to program: QEMU's gdbstub on an MPS2-AN386 (Cortex-M4), started halted (-S) on a free TCP port.
/// Its memory at 0 is SSRAM, where the nRF52840 image (linked at 0) lands; QEMU has no flash memory map, no qCRC and no
/// `monitor reset`, so this exercises the programmer's plain-write, read-back-verify and no-reset paths.
/// </summary>
public sealed class QemuGdbServer : IDisposable
{
    private readonly Process _qemu;

    public int Port { get; }

    public QemuGdbServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var psi = new ProcessStartInfo("qemu-system-arm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-M", "mps2-an386", "-nographic", "-S", "-gdb", $"tcp:127.0.0.1:{Port}", "-monitor", "none", "-serial", "none" })
            psi.ArgumentList.Add(a);
        _qemu = Process.Start(psi) ?? throw new InvalidOperationException("cannot start qemu-system-arm");
        _ = _qemu.StandardOutput.ReadToEndAsync();
        _ = _qemu.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!Listening())
        {
            Assert.False(_qemu.HasExited, "qemu-system-arm exited before its gdbstub listened");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"qemu's gdbstub did not listen on {Port} within 30 s");
            Thread.Sleep(50);
        }
    }

    private bool Listening()
    {
        using var s = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_qemu.HasExited) _qemu.Kill(entireProcessTree: true);
        _qemu.WaitForExit(5000);
        _qemu.Dispose();
    }
}
