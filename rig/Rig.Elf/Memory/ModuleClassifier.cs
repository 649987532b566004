using Rig.Elf.Format;

namespace Rig.Elf.Memory;

/// <summary>
/// Attributes a symbol to a <see cref="FirmwareModule"/>. Local symbols carry their source file
/// (the STT_FILE symbol the linker writes before each object's locals), which is decisive.
/// Global symbols lose that link in a final image (ld writes all globals after all locals), so
/// they go by the project's naming convention: every core function is prefixed with its module
/// (rig_frontend_*, rig_model_*, ...), every port function with board_ or a handler name.
/// </summary>
public static class ModuleClassifier
{
    private static readonly (string Prefix, string Module)[] s_filePrefixes =
    [
        ("frontend", FirmwareModule.Frontend), ("rig_frontend", FirmwareModule.Frontend),
        ("model", FirmwareModule.Model), ("rig_model", FirmwareModule.Model),
        ("protocol", FirmwareModule.Protocol), ("cobs", FirmwareModule.Protocol), ("crc", FirmwareModule.Protocol),
        ("frame", FirmwareModule.Protocol), ("message", FirmwareModule.Protocol),
        ("app", FirmwareModule.App), ("main", FirmwareModule.App),
        ("board", FirmwareModule.Board), ("startup", FirmwareModule.Board), ("runtime", FirmwareModule.Board),
        ("cycles_", FirmwareModule.Board), ("boot2", FirmwareModule.Board),
    ];

    private static readonly (string Prefix, string Module)[] s_namePrefixes =
    [
        ("rig_frontend", FirmwareModule.Frontend), ("rig_fe_", FirmwareModule.Frontend),
        ("rig_model", FirmwareModule.Model),
        ("rig_proto", FirmwareModule.Protocol), ("rig_cobs", FirmwareModule.Protocol), ("rig_crc", FirmwareModule.Protocol),
        ("rig_frame", FirmwareModule.Protocol), ("rig_msg", FirmwareModule.Protocol),
        ("rig_app", FirmwareModule.App), ("main", FirmwareModule.App),
        ("board_", FirmwareModule.Board), ("cortexm_", FirmwareModule.Board), ("rp2040_boot2", FirmwareModule.Board),
        ("__stack", FirmwareModule.Board), ("__data", FirmwareModule.Board), ("__bss", FirmwareModule.Board),
        ("__aeabi", FirmwareModule.Libc), ("__", FirmwareModule.Libc), ("_", FirmwareModule.Libc),
        ("mem", FirmwareModule.Libc), ("str", FirmwareModule.Libc), ("abort", FirmwareModule.Libc),
    ];

    public static string Classify(ElfSymbol symbol)
    {
        // Frontend state is caller-owned (rig_frontend_t lives wherever the app declares it), so
        // an object named after the frontend counts as frontend whichever file defines it.
        if (symbol.Type == ElfSymbolType.Object && symbol.Name.Contains("frontend", StringComparison.OrdinalIgnoreCase))
            return FirmwareModule.Frontend;
        if (symbol.IsLocal && symbol.File is { } file) return ForFile(file);
        return ForName(symbol.Name);
    }

    /// <summary>By source file name (directory and extension ignored); a file that is not one of
    /// the project's comes from the toolchain's libraries (newlib, libgcc).</summary>
    public static string ForFile(string file)
    {
        var name = Path.GetFileName(file).ToLowerInvariant();
        foreach (var (prefix, module) in s_filePrefixes)
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return module;
        return FirmwareModule.Libc;
    }

    public static string ForName(string name)
    {
        if (name.EndsWith("_Handler", StringComparison.Ordinal) || name.EndsWith("_IRQHandler", StringComparison.Ordinal) ||
            name.EndsWith("_vectors", StringComparison.Ordinal))
            return FirmwareModule.Board;
        foreach (var (prefix, module) in s_namePrefixes)
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return module;
        return FirmwareModule.Other;
    }
}
