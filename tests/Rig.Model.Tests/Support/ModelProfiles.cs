using Rig.Core.Profiles;
using Rig.Model.Files;
using Rig.Model.Quantized;

namespace Rig.Model.Tests.Support;

public static class ModelProfiles
{
    public static readonly string[] Names = ["py32f003", "rp2040", "nrf52840", "stm32l4"];

    public static TheoryData<string> All => new(Names);

    public static BoardProfile Profile(string name) => ProfileCatalog.Load(name);

    public static QuantizedModel Committed(string name) => ModelFiles.Load(name);
}
