using System.Text.RegularExpressions;
using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>
/// How `rig flash` programs this board unless `--via` says otherwise (optional `programmer:` section): <c>via</c> is
/// <c>gdb://host:port</c> (any GDB server: OpenOCD, J-Link, probe-rs, pyOCD, Black Magic Probe), <c>picotool</c>,
/// <c>nrfjprog</c>, <c>openocd</c> or <c>st-flash</c>; <c>openocd_config</c> lists the configuration files OpenOCD
/// takes with <c>-f</c> (interface, then target), separated by spaces.
/// </summary>
public sealed partial record ProgrammerSection(string Via, IReadOnlyList<string> OpenocdConfig)
{
    public static readonly string[] Tools = ["picotool", "nrfjprog", "openocd", "st-flash"];

    [GeneratedRegex(@"^gdb://[^\s:/]+:[0-9]{1,5}$")]
    private static partial Regex GdbServer();

    public static ProgrammerSection? Read(YamlMap m)
    {
        if (!m.Exists) return null;
        m.RejectUnknown("via", "openocd_config");
        var via = m.String("via") ?? "";
        if (via.Length > 0 && !Tools.Contains(via) && !GdbServer().IsMatch(via))
            m.Error("via", $"'{via}' is not gdb://host:port, {string.Join(", ", Tools)}");
        var config = (m.String("openocd_config", required: false) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (via == "openocd" && config.Length == 0) m.Error("openocd_config", "openocd needs its configuration files (e.g. \"interface/stlink.cfg target/stm32l4x.cfg\")");
        return new ProgrammerSection(via, config);
    }
}
