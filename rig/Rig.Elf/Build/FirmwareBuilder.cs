using System.Diagnostics;
using System.Text;

namespace Rig.Elf.Build;

/// <summary>Result of one cmake step: its command line, exit code and combined output.</summary>
public sealed record BuildStep(string Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// Builds a board image with the CMake presets in firmware/CMakePresets.json:
/// <c>cmake --preset &lt;board&gt;</c> then <c>cmake --build</c>. By default into the preset's
/// directory (firmware/build/&lt;board&gt;); a caller may pass another binary directory (tests
/// build into a temporary one so they see every compiler message). Waits are bounded.
/// </summary>
public sealed class FirmwareBuilder(string firmwareDir, TimeSpan? timeout = null)
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromMinutes(5);

    public string FirmwareDir { get; } = firmwareDir;

    public string DefaultElfPath(string board) => Path.Combine(FirmwareDir, "build", board, "firmware.elf");

    /// <summary>Configures and builds; returns the steps run (stops at the first failure).</summary>
    public IReadOnlyList<BuildStep> Build(string board, string? binaryDir = null, int jobs = 2)
    {
        var configureArgs = new List<string> { "--preset", board };
        if (binaryDir is not null) configureArgs.AddRange(["-B", binaryDir]);
        var steps = new List<BuildStep> { Run("cmake", configureArgs) };
        if (!steps[^1].Succeeded) return steps;
        var buildArgs = binaryDir is null
            ? new List<string> { "--build", "--preset", board, "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new List<string> { "--build", binaryDir, "-j", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        steps.Add(Run("cmake", buildArgs));
        return steps;
    }

    private BuildStep Run(string tool, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(tool)
        {
            WorkingDirectory = FirmwareDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var command = tool + " " + string.Join(' ', args);
        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            p.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new BuildStep(command, -1, $"cannot start {tool}: {e.Message}");
        }
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(_timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new BuildStep(command, -1, output + $"{command}: gave up after {_timeout.TotalSeconds:0} s");
        }
        p.WaitForExit(); // flushes the asynchronous readers
        return new BuildStep(command, p.ExitCode, output.ToString());
    }
}
