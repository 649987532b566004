using System.Globalization;
using Rig.Core.Tools;
using Rig.Elf.Format;
using Rig.Flash.Image;

namespace Rig.Flash.Tools;

/// <summary>
/// Programs a board with its vendor's tool, started with an argument list (never a shell): the tool writes and verifies
/// (its own verify), resets, and reads the build-id note back from flash into a temporary file. A tool that is not
/// installed, or that cannot reach the probe or board, is a <see cref="ProgrammerUnavailableException"/> in one line.
/// </summary>
public sealed class ToolProgrammer(ToolCommands commands, TimeSpan timeout) : IProgrammer
{
    public FlashReport Flash(FlashImage image, bool readBackBuildId, IFlashProgress progress)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(progress);
        var work = Directory.CreateTempSubdirectory("rig-flash-").FullName;
        try
        {
            var note = readBackBuildId ? image.BuildId : null;
            var readBack = note is null ? null : Path.Combine(work, "build-id.bin");
            var plan = commands.Plan(image, note, readBack);
            foreach (var step in plan.Steps)
            {
                progress.Step($"{step.What}: {commands.Program} {string.Join(' ', step.Args)}");
                var run = ExternalTool.Run(commands.Program, step.Args, timeout);
                if (!run.Started)
                    throw new ProgrammerUnavailableException($"{commands.Program} is not installed (not found on PATH): install {commands.InstallHint}");
                if (!run.Succeeded)
                {
                    var said = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
                    throw new ProgrammerUnavailableException(
                        $"{commands.Program} {step.What} failed ({(run.TimedOut ? $"no end within {timeout.TotalSeconds:0} s" : $"exit {run.ExitCode}")}): {said}; {commands.ProbeHint}");
                }
                step.Parse?.Invoke(run.Output, readBack);
            }
            string? id = null;
            if (readBack is not null && note is not null)
            {
                var bytes = plan.ReadBackBytes?.Invoke() ?? (File.Exists(readBack) ? File.ReadAllBytes(readBack) : []);
                id = BuildIdNote.FromNotes(bytes);
                progress.Step($"build id read back from 0x{note.Address:X8}: {id ?? "none"}");
            }
            // The tool's verify stops it with an error when the bytes differ: having come here, every section matched.
            var checks = image.Sections.Select(s => new SectionCheck(s.Name, s.Address, s.Data.Length, true, $"{commands.Program} verify")).ToList();
            return new FlashReport(commands.Program, image.Bytes, checks, Reset: true, id);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

/// <summary>One invocation of a tool: what it is for, its arguments, and what to take from its output (the read-back bytes).</summary>
public sealed record ToolStep(string What, IReadOnlyList<string> Args, Action<string, string?>? Parse = null);

/// <summary>The invocations that program, verify, read back and reset.</summary>
public sealed record ToolPlan(IReadOnlyList<ToolStep> Steps, Func<byte[]>? ReadBackBytes = null);

/// <summary>How one vendor tool is driven.</summary>
public abstract class ToolCommands
{
    public abstract string Program { get; }
    /// <summary>What to install, for the one-line error when <see cref="Program"/> is not on PATH.</summary>
    public abstract string InstallHint { get; }
    /// <summary>What to check when the tool ran but could not program (no probe, no board, wrong mode).</summary>
    public abstract string ProbeHint { get; }

    /// <param name="note">The build-id note to read back (null: not asked).</param>
    /// <param name="readBack">Where the read-back bytes go (a file the tool writes), when <paramref name="note"/> is given.</param>
    public abstract ToolPlan Plan(FlashImage image, BuildIdNote? note, string? readBack);

    protected static string Hex(ulong value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>The image file next to the ELF that cmake wrote (firmware.bin, firmware.hex), which some tools take instead of the ELF.</summary>
    protected static string Sibling(FlashImage image, string extension)
    {
        var path = Path.ChangeExtension(image.ElfPath, extension);
        return File.Exists(path) ? path : throw new InvalidDataException($"{path}: missing; this tool takes the {extension} file the firmware build writes next to {image.ElfPath}");
    }
}
