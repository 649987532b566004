using System.Globalization;

namespace Rig.Flash;

/// <summary>How an image gets into the board: a GDB server, or one of the vendor tools.</summary>
public enum ProgrammerKind
{
    Gdb,
    Picotool,
    Nrfjprog,
    Openocd,
    StFlash,
}

/// <summary>`--via` (or the profile's <c>programmer.via</c>): <c>gdb://host:port</c>, <c>picotool</c>, <c>nrfjprog</c>, <c>openocd</c> or <c>st-flash</c>.</summary>
public sealed record FlashVia(ProgrammerKind Kind, string? Host = null, int Port = 0)
{
    public const string Forms = "gdb://host:port, picotool, nrfjprog, openocd or st-flash";

    public static FlashVia Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case "picotool": return new(ProgrammerKind.Picotool);
            case "nrfjprog": return new(ProgrammerKind.Nrfjprog);
            case "openocd": return new(ProgrammerKind.Openocd);
            case "st-flash": return new(ProgrammerKind.StFlash);
        }
        if (text.StartsWith("gdb://", StringComparison.Ordinal))
        {
            var rest = text["gdb://".Length..];
            var colon = rest.LastIndexOf(':');
            var host = colon <= 0 ? "" : rest[..colon].Trim('[', ']');
            if (colon > 0 && int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 && host.Length > 0)
                return new(ProgrammerKind.Gdb, host, port);
            throw new ArgumentException($"'{text}': a GDB server is gdb://host:port with a port 1-65535 (e.g. gdb://localhost:3333)");
        }
        throw new ArgumentException($"'{text}': not a programmer; expected {Forms}");
    }

    public override string ToString() => Kind switch
    {
        ProgrammerKind.Gdb => $"gdb://{Host}:{Port}",
        ProgrammerKind.StFlash => "st-flash",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
