using Rig.Core.Config;
using Rig.Dsp;

namespace Rig.Core.Profiles;

/// <summary>
/// Everything the rig knows about one kind of board: profiles/&lt;name&gt;.yaml.
/// Each section is its own record with its own reader; <see cref="Load"/> validates the whole
/// file once and reports every problem with file, line and field.
/// </summary>
public sealed record BoardProfile(
    string Name,
    string SourceFile,
    BoardFacts Board,
    FrontendConfig Frontend,
    ClassifierSection Classifier,
    SerialSection Serial,
    AcousticSection Acoustic,
    PowerSection Power,
    MemorySection Memory,
    GateSection Gate)
{
    /// <summary>The chip's memory map for the emulator (optional `emulation:` section; null without one).</summary>
    public EmulationSection? Emulation { get; init; }

    /// <summary>The programmer `rig flash` uses by default (optional `programmer:` section; null without one).</summary>
    public ProgrammerSection? Programmer { get; init; }

    public static BoardProfile Load(string path)
    {
        var doc = YamlDocument.Load(path);
        var p = Read(doc);
        doc.ThrowIfErrors();
        return p;
    }

    public static BoardProfile Parse(string file, string yaml)
    {
        var doc = YamlDocument.Parse(file, yaml);
        var p = Read(doc);
        doc.ThrowIfErrors();
        return p;
    }

    private static BoardProfile Read(YamlDocument doc)
    {
        var root = doc.Root;
        root.RejectUnknown("name", "board", "frontend", "classifier", "serial", "acoustic", "power", "memory", "gate", "emulation", "programmer");
        var facts = BoardFacts.Read(root.Map("board"));
        var name = root.String("name") ?? "";
        if (name.Length > 0 && !ProfileName.IsValid(name)) root.Error("name", ProfileName.Rule);
        // classifier, serial and gate are required: a missing one used to fall back silently to defaults
        // (115200 baud, default gate limits) that nobody chose for this board.
        return new BoardProfile(
            name,
            doc.File,
            facts,
            FrontendSection.Read(root.Map("frontend")),
            ClassifierSection.Read(root.Map("classifier")),
            SerialSection.Read(root.Map("serial")),
            AcousticSection.Read(root.Map("acoustic", required: false)),
            PowerSection.Read(root.Map("power")),
            MemorySection.Read(root.Map("memory", required: false), facts),
            GateSection.Read(root.Map("gate")))
        {
            Emulation = EmulationSection.Read(root.Map("emulation", required: false), facts),
            Programmer = ProgrammerSection.Read(root.Map("programmer", required: false)),
        };
    }
}
