using Rig.Core.Profiles;
using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Boards;

/// <summary>
/// What a board model plugs its peripherals into: the core (NVIC, clocked devices), its memory map,
/// the profile, and the three places where the board meets the rig: the protocol UART's wire
/// (<see cref="UartLine"/>), the microphone (<see cref="MicrophoneFeed"/>), the marker pin
/// (<see cref="BoardPins"/>).
/// </summary>
public sealed class BoardWiring
{
    public required ArmCore Core { get; init; }
    public required BoardProfile Profile { get; init; }
    public required UartLine Uart { get; init; }
    public required MicrophoneFeed Microphone { get; init; }
    public required BoardPins Pins { get; init; }

    public MemoryMap Memory => Core.Memory;

    /// <summary>The core clock the port sets up (profile <c>board.clock_hz</c>).</summary>
    public long ClockHz => Profile.Board.ClockHz;

    /// <summary>A fresh wiring of a chip: a UART line, a microphone feed and pins on its core.</summary>
    public static BoardWiring For(EmulatedChip chip) => new()
    {
        Core = chip.Core,
        Profile = chip.Profile,
        Uart = new UartLine(chip.Core, chip.Profile.Board.ClockHz, chip.Profile.Serial.Baud),
        Microphone = new MicrophoneFeed(),
        Pins = new BoardPins(chip.Core),
    };
}
