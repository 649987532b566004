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
        root.RejectUnknown("name", "board", "frontend", "classifier", "serial", "acoustic", "power", "memory", "gate");
        var facts = BoardFacts.Read(root.Map("board"));
        return new BoardProfile(
            root.String("name") ?? "",
            doc.File,
            facts,
            FrontendSection.Read(root.Map("frontend")),
            ClassifierSection.Read(root.Map("classifier", required: false)),
            SerialSection.Read(root.Map("serial", required: false)),
            AcousticSection.Read(root.Map("acoustic", required: false)),
            PowerSection.Read(root.Map("power")),
            MemorySection.Read(root.Map("memory", required: false), facts),
            GateSection.Read(root.Map("gate", required: false)));
    }
}
