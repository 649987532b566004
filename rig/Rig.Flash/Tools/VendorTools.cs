using System.Globalization;
using Rig.Elf.Format;
using Rig.Flash.Image;

namespace Rig.Flash.Tools;

/// <summary>Raspberry Pi's picotool over USB (the RP2040 in BOOTSEL mode): load with verify, save the note's bytes, reboot.</summary>
public sealed class Picotool : ToolCommands
{
    public override string Program => "picotool";
    public override string InstallHint => "picotool (Debian/Ubuntu: sudo apt install picotool)";
    public override string ProbeHint => "hold BOOTSEL while plugging the board in, and check its USB cable and udev permissions";

    public override ToolPlan Plan(FlashImage image, BuildIdNote? note, string? readBack)
    {
        var steps = new List<ToolStep> { new("load and verify", ["load", "--verify", image.ElfPath]) };
        if (note is not null && readBack is not null)
            steps.Add(new("read back the build id", ["save", "--range", Hex(note.Address), Hex(note.Address + (ulong)note.NoteBytes), readBack]));
        steps.Add(new("reset", ["reboot"]));
        return new ToolPlan(steps);
    }
}

/// <summary>Nordic's nrfjprog through the board's J-Link: program the .hex with sector erase, verify and reset; read the note with --memrd.</summary>
public sealed class Nrfjprog : ToolCommands
{
    public override string Program => "nrfjprog";
    public override string InstallHint => "Nordic's nRF Command Line Tools (nrfjprog) and SEGGER's J-Link software (nordicsemi.com, segger.com)";
    public override string ProbeHint => "check the J-Link probe is connected (nrfjprog --ids lists it) and the board is powered";

    public override ToolPlan Plan(FlashImage image, BuildIdNote? note, string? readBack)
    {
        var words = new List<byte>();
        var steps = new List<ToolStep> { new("program, verify and reset", ["-f", "NRF52", "--program", Sibling(image, ".hex"), "--sectorerase", "--verify", "--reset"]) };
        if (note is not null)
            steps.Add(new("read back the build id", ["-f", "NRF52", "--memrd", Hex(note.Address), "--n", note.NoteBytes.ToString(CultureInfo.InvariantCulture)],
                (output, _) => words.AddRange(MemrdBytes(output))));
        return new ToolPlan(steps, () => [.. words]);
    }

    /// <summary>`nrfjprog --memrd` prints lines "0x000000C0: 00000004 00000014 ... |....|": little-endian words.</summary>
    public static IEnumerable<byte> MemrdBytes(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !line.TrimStart().StartsWith("0x", StringComparison.OrdinalIgnoreCase)) continue;
            var data = line[(colon + 1)..].Split('|')[0];
            foreach (var word in data.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!uint.TryParse(word, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)) break;
                yield return (byte)v; yield return (byte)(v >> 8); yield return (byte)(v >> 16); yield return (byte)(v >> 24);
            }
        }
    }
}

/// <summary>
/// OpenOCD with the profile's configuration files (<c>programmer.openocd_config</c>): <c>program ... verify</c>, then
/// <c>dump_image</c> of the note and <c>reset run</c>. Paths go to OpenOCD's Tcl inside braces; a path holding a brace, a backslash or a control character is refused.
/// </summary>
public sealed class Openocd(IReadOnlyList<string> configFiles) : ToolCommands
{
    public override string Program => "openocd";
    public override string InstallHint => "openocd (Debian/Ubuntu: sudo apt install openocd)";
    public override string ProbeHint => "check the probe is connected and the profile's programmer.openocd_config names its interface and target";

    public override ToolPlan Plan(FlashImage image, BuildIdNote? note, string? readBack)
    {
        var config = configFiles.SelectMany(f => new[] { "-f", f }).ToList();
        var steps = new List<ToolStep> { new("program and verify", [.. config, "-c", $"program {Braced(image.ElfPath)} verify", "-c", "shutdown"]) };
        var finish = new List<string>(config) { "-c", "init", "-c", "reset halt" };
        if (note is not null && readBack is not null) finish.AddRange(["-c", $"dump_image {Braced(readBack)} {Hex(note.Address)} {note.NoteBytes}"]);
        finish.AddRange(["-c", "reset run", "-c", "shutdown"]);
        steps.Add(new(note is null ? "reset" : "read back the build id and reset", finish));
        return new ToolPlan(steps);
    }

    /// <summary>
    /// A Tcl word that is the path and nothing else: inside braces Tcl substitutes nothing, so only a brace (which
    /// could close the word), a backslash (which escapes a brace or a newline) or a control character can change
    /// what OpenOCD runs; a path holding one is refused rather than escaped.
    /// </summary>
    private static string Braced(string path) =>
        path.Any(c => c is '{' or '}' or '\\' || char.IsControl(c))
            ? throw new ArgumentException($"{path}: a path with braces, a backslash or a control character cannot be handed to OpenOCD's Tcl safely; move the file")
            : "{" + path + "}";
}

/// <summary>stlink-tools' st-flash through an ST-LINK: write the .bin at the image's first address (st-flash verifies what it wrote), read the note, reset.</summary>
public sealed class StFlash : ToolCommands
{
    public override string Program => "st-flash";
    public override string InstallHint => "stlink-tools (Debian/Ubuntu: sudo apt install stlink-tools)";
    public override string ProbeHint => "check the ST-LINK is connected (st-info --probe lists it) and the board is powered";

    public override ToolPlan Plan(FlashImage image, BuildIdNote? note, string? readBack)
    {
        var at = image.Segments.Min(s => s.Address);
        var steps = new List<ToolStep> { new("write and verify", ["write", Sibling(image, ".bin"), Hex(at)]) };
        if (note is not null && readBack is not null)
            steps.Add(new("read back the build id", ["read", readBack, Hex(note.Address), note.NoteBytes.ToString(CultureInfo.InvariantCulture)]));
        steps.Add(new("reset", ["reset"]));
        return new ToolPlan(steps);
    }
}
