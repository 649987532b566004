using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// The XIP SSI, a Synopsys DW_apb_ssi (datasheet 4.10 "SSI", registers 4.10.13), as boot2 programs it
/// for execute-in-place: CTRLR0, CTRLR1, SSIENR, BAUDR and SPI_CTRLR0, written only while SSIENR = 0
/// (writes while enabled are ignored, as the DW_apb_ssi databook says). When boot2 enables it the
/// model checks that CPU reads of 0x10xxxxxx would become flash reads: EEPROM-read transfer mode with
/// 32-bit frames, one frame per access, an even SCK divider, and in standard SPI frame format the 03h
/// READ command with an 8-bit instruction and a 24-bit address (what firmware/boards/rp2040/boot2.S
/// writes). Any other set-up stops the run: the model serves XIP from the image's bytes only for a
/// configuration it knows reads them. Quad/dual modes, status and the data FIFOs are not modelled.
/// </summary>
public sealed class Rp2040Ssi(ArmCore core) : RegisterBlock("XIP_SSI", BaseAddress)
{
    public const uint BaseAddress = 0x1800_0000;
    public const uint Size = 0x100;

    public const uint Ctrlr0 = 0x00, Ctrlr1 = 0x04, Ssienr = 0x08, Baudr = 0x14, SpiCtrlr0 = 0xF4;
    public const uint TmodEepromRead = 3;
    public const int TmodPos = 8, Dfs32Pos = 16, SpiFrfPos = 21;
    public const uint XipCmdRead03 = 0x03, InstL8Bits = 2, AddrL24Bits = 6;

    // Reset values (datasheet 4.10.13): CTRLR0 0, SPI_CTRLR0 0x03000000 (XIP_CMD 03h), BAUDR 0, disabled.
    uint ctrlr0, ctrlr1, ssienr, baudr, spiCtrlr0 = 0x0300_0000;

    /// <summary>Null, or why reads of the XIP window would not return the flash's bytes.</summary>
    public string? XipProblem { get; private set; } = "the SSI is disabled";

    /// <summary>SCK = clk_sys / BAUDR (0 until set).</summary>
    public uint ClockDivider => baudr;

    protected override uint ReadRegister(uint offset) => offset switch
    {
        Ctrlr0 => ctrlr0,
        Ctrlr1 => ctrlr1,
        Ssienr => ssienr,
        Baudr => baudr,
        SpiCtrlr0 => spiCtrlr0,
        _ => throw Unmodelled(offset, write: false),
    };

    protected override void WriteRegister(uint offset, uint value)
    {
        if (offset == Ssienr)
        {
            ssienr = value & 1;
            XipProblem = ssienr == 0 ? "the SSI is disabled" : CheckXip();
            if (XipProblem is not null && ssienr != 0)
                core.StopRun(StopReason.UnmappedAccess, $"XIP_SSI enabled with a set-up the model does not read flash with: {XipProblem}", BaseAddress + offset);
            return;
        }
        if (ssienr != 0) return;
        switch (offset)
        {
            case Ctrlr0: ctrlr0 = value; break;
            case Ctrlr1: ctrlr1 = value & 0xFFFF; break;
            case Baudr: baudr = value & 0xFFFF; break;
            case SpiCtrlr0: spiCtrlr0 = value; break;
            default: throw Unmodelled(offset, write: true);
        }
    }

    string? CheckXip()
    {
        var tmod = (ctrlr0 >> TmodPos) & 3;
        var dfs32 = (ctrlr0 >> Dfs32Pos) & 0x1F;
        var frf = (ctrlr0 >> SpiFrfPos) & 3;
        if (tmod != TmodEepromRead) return $"CTRLR0.TMOD = {tmod}, not 3 (EEPROM read)";
        if (dfs32 != 31) return $"CTRLR0.DFS_32 = {dfs32}, not 31 (32-bit frames)";
        if (ctrlr1 != 0) return $"CTRLR1.NDF = {ctrlr1}, not 0 (one frame per access)";
        if (baudr < 2 || (baudr & 1) != 0) return $"BAUDR = {baudr}, not an even divider of at least 2";
        if (frf != 0) return $"CTRLR0.SPI_FRF = {frf}: dual/quad XIP is not modelled";
        var cmd = spiCtrlr0 >> 24;
        var instL = (spiCtrlr0 >> 8) & 3;
        var addrL = (spiCtrlr0 >> 2) & 0xF;
        if (cmd != XipCmdRead03 || instL != InstL8Bits || addrL != AddrL24Bits)
            return $"SPI_CTRLR0 XIP_CMD 0x{cmd:X2}, INST_L {instL}, ADDR_L {addrL}: not the 03h READ with an 8-bit instruction and a 24-bit address";
        return null;
    }
}
