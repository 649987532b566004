namespace Rig.Runs.Orchestration;

/// <summary>What kind of board a target is.</summary>
public enum BoardKind
{
    /// <summary>The native virtual board: the firmware's C core compiled for the host, on a pty (host time).</summary>
    Virtual,
    /// <summary>A real board on a serial port (MCU cycles).</summary>
    Serial,
    /// <summary>The profile's ARM image on the rig's Cortex-M simulator with the board's peripherals modelled (emulated MCU cycles).</summary>
    Emulated,
}

/// <summary>Where a board is: "virtual" (a native virtual board started by the rig), "emulated" (the image on the emulator) or "serial:&lt;port&gt;".</summary>
public sealed record BoardTarget(BoardKind Kind, string? Port)
{
    public bool IsVirtual => Kind == BoardKind.Virtual;
    public bool IsEmulated => Kind == BoardKind.Emulated;
    public bool IsSerial => Kind == BoardKind.Serial;

    public override string ToString() => Kind switch
    {
        BoardKind.Virtual => "virtual",
        BoardKind.Emulated => "emulated",
        _ => "serial:" + Port,
    };

    /// <summary>Id used for sub-folders and logs: virtual-0, emulated-1, serial-ttyUSB0.</summary>
    public string Id(int index) => Kind switch
    {
        BoardKind.Virtual => $"virtual-{index}",
        BoardKind.Emulated => $"emulated-{index}",
        _ => "serial-" + Path.GetFileName(Port),
    };

    /// <summary>The --board grammar, for help texts and errors.</summary>
    public const string Grammar = "'virtual', 'emulated' or 'serial:<port>' (e.g. serial:/dev/ttyUSB0)";

    public static BoardTarget Parse(string text)
    {
        if (text == "virtual") return new BoardTarget(BoardKind.Virtual, null);
        if (text == "emulated") return new BoardTarget(BoardKind.Emulated, null);
        if (text.StartsWith("serial:", StringComparison.Ordinal) && text.Length > "serial:".Length) return new BoardTarget(BoardKind.Serial, text["serial:".Length..]);
        throw new ArgumentException($"--board '{text}': expected {Grammar}");
    }
}
