using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// IO_BANK0 (datasheet 2.19.6.1): GPIOn_CTRL at 8n + 4 for GPIO 0..29 (FUNCSEL[4:0], reset 0x1F = null;
/// 2 UART, 5 SIO); the overrides and the interrupt registers are not modelled.
/// </summary>
public sealed class Rp2040IoBank0 : Rp2040Block
{
    public const uint BaseAddress = 0x4001_4000;
    public const int Pins = 30;
    public const uint FuncselMask = 0x1F, FuncselSio = 5, FuncselNull = 0x1F;

    readonly uint[] ctrl = new uint[Pins];

    public Rp2040IoBank0(ArmCore core, Rp2040Resets resets) : base("IO_BANK0", BaseAddress, core, resets, Rp2040Resets.IoBank0) => OnReset();

    /// <summary>Raised after a pin's CTRL changed.</summary>
    public event Action? Changed;

    public uint Funcsel(int pin) => ctrl[pin] & FuncselMask;

    protected override void OnReset() => Array.Fill(ctrl, FuncselNull);

    protected override uint Read(uint register) =>
        register % 8 == 4 && register / 8 < Pins ? ctrl[register / 8] : throw Unmodelled(register, write: false);

    protected override void Write(uint register, uint value)
    {
        // Only FUNCSEL: the output/input/interrupt overrides (bits 8-29) are not modelled.
        if (register % 8 != 4 || register / 8 >= Pins || (value & ~FuncselMask) != 0) throw Unmodelled(register, write: true);
        ctrl[register / 8] = value;
        Changed?.Invoke();
    }
}
