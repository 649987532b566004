namespace Rig.Runs.Orchestration;

/// <summary>Where a board is: "virtual" (a native virtual board started by the rig) or "serial:&lt;port&gt;".</summary>
public sealed record BoardTarget(bool IsVirtual, string? Port)
{
    public override string ToString() => IsVirtual ? "virtual" : "serial:" + Port;

    /// <summary>Id used for sub-folders and logs: virtual-0, serial-ttyUSB0.</summary>
    public string Id(int index) => IsVirtual ? $"virtual-{index}" : "serial-" + Path.GetFileName(Port);

    public static BoardTarget Parse(string text)
    {
        if (text == "virtual") return new BoardTarget(true, null);
        if (text.StartsWith("serial:", StringComparison.Ordinal) && text.Length > "serial:".Length) return new BoardTarget(false, text["serial:".Length..]);
        throw new ArgumentException($"--board '{text}': expected 'virtual' or 'serial:<port>' (e.g. serial:/dev/ttyUSB0)");
    }
}
