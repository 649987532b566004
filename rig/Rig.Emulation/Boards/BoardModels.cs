namespace Rig.Emulation.Boards;

/// <summary>The board models the emulator has, by profile name (one line per board folder).</summary>
public static class BoardModels
{
    public static IBoardModel? For(string profile) => profile switch
    {
        "py32f003" => new Py32f003.Py32f003Board(),
        "rp2040" => new Rp2040.Rp2040Board(),
        "nrf52840" => new Nrf52840.Nrf52840Board(),
        "stm32l4" => new Stm32l4.Stm32l4Board(),
        _ => null,
    };

    /// <summary>The model of <paramref name="profile"/>, or a clear error naming the boards that have one.</summary>
    public static IBoardModel Require(string profile) =>
        For(profile) ?? throw new InvalidDataException($"no emulated board model for profile {profile} (rig/Rig.Emulation/Boards has none)");
}
