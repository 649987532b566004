using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Rig.Simulation.Board;

/// <summary>
/// A running native virtual board: the real firmware main loop as a host process behind a
/// pseudo-terminal (<see cref="PtyPath"/>, opened by the rig with System.IO.Ports like a USB port).
/// Its microphone, when asked for, is a FIFO (<see cref="WriteMicrophone"/>): the rig writes what the
/// virtual room captured and the board reads it as its ADC. Disposing closes the board's stdin (it
/// exits) and kills it if it has not gone within a second.
/// </summary>
public sealed class VirtualBoard : IDisposable
{
    private readonly Process _process;
    private readonly string _workDir;
    private readonly Task<string> _stderr;
    private FileStream? _mic;

    public string Profile { get; }
    /// <summary>The native board executable this board runs (its build id is the one its HELLO reports).</summary>
    public string Executable { get; }
    public string PtyPath { get; }
    public string? MicrophonePath { get; }
    /// <summary>The board's marker pin and run/sleep edges (started with <see cref="VirtualBoardOptions.PowerLine"/>), else null.</summary>
    public Power.PowerLine? PowerLine { get; private set; }
    public int ProcessId => _process.Id;

    private VirtualBoard(string profile, string executable, Process process, string ptyPath, string? mic, string workDir, Task<string> stderr)
    {
        Profile = profile;
        Executable = executable;
        _process = process;
        PtyPath = ptyPath;
        MicrophonePath = mic;
        _workDir = workDir;
        _stderr = stderr;
    }

    /// <summary>Builds the board if needed, starts it and waits (bounded) for it to announce its pseudo-terminal.</summary>
    public static VirtualBoard Start(VirtualBoardOptions options)
    {
        var exe = options.Executable ?? NativeBoardBuild.Ensure(options.Profile);
        var workDir = Directory.CreateTempSubdirectory("rig-board-").FullName;
        string? mic = null;
        if (options.WithMicrophone)
        {
            mic = Path.Combine(workDir, "mic.fifo");
            if (MakeFifo(mic, 0x180 /* 0600 */) != 0)
                throw new IOException($"mkfifo {mic} failed (errno {Marshal.GetLastPInvokeError()})");
        }
        var psi = new ProcessStartInfo(exe) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--name");
        psi.ArgumentList.Add("native-" + options.Profile);
        if (mic is not null) { psi.ArgumentList.Add("--mic"); psi.ArgumentList.Add(mic); }
        if (options.Uart?.Validated() is { } uart)
        {
            psi.ArgumentList.Add("--uart-baud"); psi.ArgumentList.Add(uart.Baud.ToString(System.Globalization.CultureInfo.InvariantCulture));
            psi.ArgumentList.Add("--uart-rx-bytes"); psi.ArgumentList.Add(uart.RxBufferBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        string? powerLine = null;
        if (options.PowerLine)
        {
            powerLine = Path.Combine(workDir, "power.fifo");
            if (MakeFifo(powerLine, 0x180 /* 0600 */) != 0)
                throw new IOException($"mkfifo {powerLine} failed (errno {Marshal.GetLastPInvokeError()})");
            psi.ArgumentList.Add("--power-line"); psi.ArgumentList.Add(powerLine);
        }
        if (options.FaultResetAfterBytes > 0) { psi.ArgumentList.Add("--fault-reset-after"); psi.ArgumentList.Add(options.FaultResetAfterBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
        if (options.FaultSilentAfterBytes > 0) { psi.ArgumentList.Add("--fault-silent-after"); psi.ArgumentList.Add(options.FaultSilentAfterBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {exe}");
        var stderr = process.StandardError.ReadToEndAsync();
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(VirtualBoardOptions.StartTimeout) || line.Result is null || !line.Result.StartsWith("RIG_BOARD_PTY ", StringComparison.Ordinal))
        {
            var said = line.IsCompletedSuccessfully ? line.Result : null;
            try { process.Kill(); } catch (InvalidOperationException) { }
            process.WaitForExit(1000);
            var err = stderr.IsCompleted ? stderr.Result : "";
            throw new InvalidOperationException($"virtual board {exe} did not announce its pseudo-terminal within {VirtualBoardOptions.StartTimeout.TotalSeconds} s (said: '{said}'; stderr: '{err.Trim()}')");
        }
        var board = new VirtualBoard(options.Profile, exe, process, line.Result["RIG_BOARD_PTY ".Length..].Trim(), mic, workDir, stderr);
        // The board opened its end before announcing the pty, so this open does not block.
        if (powerLine is not null) board.PowerLine = new Power.PowerLine(powerLine);
        return board;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Hands Q15 samples to the board's microphone. Blocks while the FIFO is full (the board reads at its own pace; nothing is dropped).</summary>
    public void WriteMicrophone(ReadOnlySpan<short> samples)
    {
        if (MicrophonePath is null) throw new InvalidOperationException("this virtual board was started without a microphone");
        _mic ??= new FileStream(MicrophonePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0);
        _mic.Write(MemoryMarshal.AsBytes(samples));
        _mic.Flush();
    }

    /// <summary>What the board wrote to stderr (available once it has exited).</summary>
    public string ErrorOutput => _stderr.IsCompleted ? _stderr.Result : "";

    public void Dispose()
    {
        _mic?.Dispose();
        PowerLine?.Dispose();
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(1000)) _process.Kill();
            _process.WaitForExit(1000);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);
}
