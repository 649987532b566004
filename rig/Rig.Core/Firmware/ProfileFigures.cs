using Rig.Core.Profiles;

namespace Rig.Core.Firmware;

/// <summary>One figure the firmware takes from its profile; <see cref="ImageBuild"/>: the board image's CMake build needs it too.</summary>
public sealed record ProfileFigure(string Name, long Value, bool ImageBuild);

/// <summary>The one list of profile figures the firmware is generated with, in the order rig_profile.h and rig_profile.cmake give them.</summary>
public static class ProfileFigures
{
    public static IReadOnlyList<ProfileFigure> Of(BoardProfile p) =>
    [
        new("RIG_PROFILE_CLOCK_HZ", p.Board.ClockHz, ImageBuild: true),
        new("RIG_PROFILE_RAM_BYTES", p.Board.RamBytes, ImageBuild: false),
        new("RIG_PROFILE_FLASH_BYTES", p.Board.FlashBytes, ImageBuild: false),
        new("RIG_PROFILE_UART_BAUD", p.Serial.Baud, ImageBuild: true),
        new("RIG_PROFILE_UART_RX_BYTES", p.Serial.RxBufferBytes, ImageBuild: true),
        new("RIG_PROFILE_SAMPLE_RATE", p.Frontend.SampleRate, ImageBuild: true),
        new("RIG_PROFILE_STACK_RESERVE_BYTES", p.Memory.StackReserveBytes, ImageBuild: true),
        new("RIG_PROFILE_FLASH_BUDGET_BYTES", p.Memory.FlashBudgetBytes, ImageBuild: false),
        new("RIG_PROFILE_RAM_BUDGET_BYTES", p.Memory.RamBudgetBytes, ImageBuild: false),
        new("RIG_PROFILE_FRONTEND_RAM_BUDGET_BYTES", p.Memory.FrontendRamBudgetBytes, ImageBuild: false),
        new("RIG_PROFILE_MODEL_RAM_BUDGET_BYTES", p.Memory.ModelRamBudgetBytes, ImageBuild: false),
    ];
}
