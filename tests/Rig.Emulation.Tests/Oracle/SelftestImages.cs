using Rig.Core;
using Rig.Emulation.Oracle;

namespace Rig.Emulation.Tests.Oracle;

/// <summary>
/// The selftest programs, built once per test run with arm-none-eabi-gcc into a temporary folder
/// (program (b) on a short input: 3 frontend columns, then one inference).
/// </summary>
public sealed class SelftestImages : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    readonly string folder = Directory.CreateTempSubdirectory("rig-selftest-").FullName;
    readonly Dictionary<(QemuMachine, SelftestProgram), SelftestImage> built = [];
    readonly SelftestBuilder builder;

    public SelftestImages() => builder = new SelftestBuilder(RepoPaths.Firmware, folder, TimeSpan.FromMinutes(2));

    public SelftestImage Get(QemuMachine machine, SelftestProgram program)
    {
        lock (built)
        {
            if (!built.TryGetValue((machine, program), out var image))
                built[(machine, program)] = image = builder.Build(machine, program);
            return image;
        }
    }

    public static QemuMachine Machine(string name) => QemuMachine.All.Single(m => m.Name == name);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SelftestCollection : ICollectionFixture<SelftestImages>
{
    public const string Name = "selftest images";
}
