using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// PADS_BANK0 (datasheet 2.19.6.3): VOLTAGE_SELECT and GPIOn at 4 + 4n (n 0..29), stored and read back
/// (the electrical settings do not change what the model's pins carry).
/// </summary>
public sealed class Rp2040PadsBank0 : Rp2040Block
{
    public const uint BaseAddress = 0x4001_C000;
    public const int Pins = 30;

    readonly uint[] pads = new uint[Pins];
    uint voltageSelect;

    public Rp2040PadsBank0(ArmCore core, Rp2040Resets resets) : base("PADS_BANK0", BaseAddress, core, resets, Rp2040Resets.PadsBank0) => OnReset();

    // Reset value of GPIOn (datasheet 2.19.6.3): 0x56 (input enable, 4 mA drive, pull-down, Schmitt trigger).
    protected override void OnReset()
    {
        Array.Fill(pads, 0x56u);
        voltageSelect = 0;
    }

    protected override uint Read(uint register) => register switch
    {
        0 => voltageSelect,
        _ when register % 4 == 0 && register / 4 - 1 < Pins => pads[register / 4 - 1],
        _ => throw Unmodelled(register, write: false),
    };

    protected override void Write(uint register, uint value)
    {
        if (register == 0) voltageSelect = value & 1;
        else if (register % 4 == 0 && register / 4 - 1 < Pins) pads[register / 4 - 1] = value & 0xFF;
        else throw Unmodelled(register, write: true);
    }
}
