using Rig.Core.Profiles;

namespace Rig.Dsp.Tests;

/// <summary>The committed board profiles, loaded once per test run.</summary>
public static class Profiles
{
    public static readonly string[] Names = ["py32f003", "rp2040", "nrf52840", "stm32l4"];

    public static TheoryData<string> All => new(Names);

    public static BoardProfile Load(string name) => ProfileCatalog.Load(name);
}
