using Rig.Core.Profiles;

namespace Rig.Firmware.Tests.Support;

/// <summary>The arm-none-eabi-gcc flags for a profile's core, as the board images use them.</summary>
public static class ArmTarget
{
    /// <summary>The M4F images use the soft-float ABI with the FPU off (the core has no floating point).</summary>
    public static string[] CpuFlags(BoardFacts board) => board.Core switch
    {
        "cortex-m0plus" => ["-mcpu=cortex-m0plus", "-mthumb"],
        "cortex-m4f" => ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=soft"],
        _ => throw new ArgumentException($"no compiler flags for core '{board.Core}'"),
    };

    /// <summary>The M0+ has no hardware divider: run-time division and 64-bit arithmetic would pull these in.</summary>
    public static bool HasNoDivider(BoardFacts board) => board.Core == "cortex-m0plus";

    public static readonly string[] DivisionAnd64BitHelpers = ["__aeabi_idiv", "__aeabi_uidiv", "__aeabi_lmul", "__aeabi_ldivmod", "__aeabi_uldivmod", "__muldi3"];

    /// <summary>The warning flags every firmware compile in these tests uses (the images' own, firmware/CMakeLists.txt).</summary>
    public static readonly string[] Warnings = ["-std=c99", "-Wall", "-Wextra", "-Wpedantic", "-Werror"];
}
