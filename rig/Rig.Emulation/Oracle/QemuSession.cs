using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Rig.Gdb;

namespace Rig.Emulation.Oracle;

/// <summary>
/// qemu-system-arm running one ELF, halted at its reset vector (<c>-S</c>), with a connected
/// <see cref="GdbRemoteClient"/>. The gdbstub listens on a unix socket in a private temp folder
/// (no port to race for) and QEMU waits for the connection before it starts (<c>wait=on</c>), so
/// its "waiting for connection" line on stderr says when to connect. Disposing kills QEMU.
/// Lives in rig/ because `rig emulate --selftest` ships the oracle.
/// </summary>
public sealed class QemuSession : IDisposable
{
    public const string DefaultExecutable = "qemu-system-arm";

    readonly Process process;
    readonly string folder;
    readonly StringBuilder stderr;

    QemuSession(Process process, string folder, GdbRemoteClient gdb, QemuMachine machine, StringBuilder stderr)
    {
        this.process = process;
        this.stderr = stderr;
        this.folder = folder;
        Gdb = gdb;
        Machine = machine;
    }

    public GdbRemoteClient Gdb { get; }
    public QemuMachine Machine { get; }

    /// <summary>What QEMU wrote on stderr so far (for error messages).</summary>
    public string Stderr { get { lock (stderr) return stderr.ToString(); } }

    /// <summary>The argument list (never a shell line) that runs <paramref name="elfPath"/> on <paramref name="machine"/> halted, gdbstub on <paramref name="socketPath"/>.</summary>
    public static IReadOnlyList<string> Arguments(QemuMachine machine, string elfPath, string socketPath) =>
    [
        "-M", machine.Name,
        "-nographic", "-S",
        "-monitor", "none", "-serial", "none",
        "-chardev", $"socket,id=rig-gdb,path={socketPath},server=on,wait=on",
        "-gdb", "chardev:rig-gdb",
        "-kernel", elfPath,
    ];

    /// <summary>Starts QEMU and connects; <paramref name="timeout"/> bounds start-up and every later gdb command.</summary>
    public static QemuSession Start(QemuMachine machine, string elfPath, TimeSpan timeout, string executable = DefaultExecutable)
    {
        if (!File.Exists(elfPath)) throw new FileNotFoundException($"{elfPath}: no such ELF to run under QEMU", elfPath);
        if (elfPath.Contains(',')) throw new ArgumentException($"{elfPath}: QEMU's -kernel cannot take a path with a comma", nameof(elfPath));
        // Unix socket paths are limited to ~108 bytes: a short private folder under the temp dir.
        var folder = Directory.CreateTempSubdirectory("rig-qemu-").FullName;
        var socketPath = Path.Combine(folder, "gdb");
        var psi = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in Arguments(machine, Path.GetFullPath(elfPath), socketPath)) psi.ArgumentList.Add(a);
        var process = new Process { StartInfo = psi };
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var text = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { listening.TrySetResult(); return; } // exited: the connect below names why
            lock (text) text.AppendLine(e.Data);
            if (e.Data.Contains("waiting for connection", StringComparison.Ordinal)) listening.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            Directory.Delete(folder, recursive: true);
            process.Dispose();
            throw new QemuNotFoundException(executable);
        }
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            if (!listening.Task.Wait(timeout))
                throw new GdbProtocolException($"{executable} -M {machine.Name}: its gdbstub did not listen within {timeout.TotalSeconds:0} s");
            if (process.HasExited)
                throw new GdbProtocolException($"{executable} -M {machine.Name} -kernel {elfPath} exited with {process.ExitCode}: {Tail(text)}");
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new GdbProtocolException($"{executable} -M {machine.Name}: cannot connect to its gdbstub at {socketPath}: {e.Message}", e);
            }
            var session = new QemuSession(process, folder, new GdbRemoteClient(socket, timeout), machine, text);
            session.Gdb.HaltReason(); // the stub's first answer: QEMU is up and halted at reset
            _ = session.Gdb.Layout;   // before any g packet (see GdbRemoteClient.Layout)
            // Step with interrupts and timers enabled: QEMU's default (0x7) never takes a pended
            // PendSV/SysTick while stepping, which no core does (LockstepRunner documents the rest).
            session.Gdb.SetQemuSingleStepFlags(1);
            return session;
        }
        catch
        {
            Kill(process);
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    static string Tail(StringBuilder text)
    {
        lock (text) return text.ToString().Trim().ReplaceLineEndings(" ");
    }

    static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }
        process.Dispose();
    }

    public void Dispose()
    {
        Gdb.Dispose();
        Kill(process);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover socket file in the temp folder is harmless
        }
    }
}
