using System.Globalization;
using System.Net;

namespace Rig.Emulation.Gdb;

/// <summary>
/// Where the server listens and how long it waits, validated once at the edge (<see cref="Parse"/>):
/// <c>--gdb :3333</c> (localhost), <c>--gdb host:port</c>, <c>--gdb 0</c> (any free port, printed).
/// </summary>
public sealed record GdbServerOptions(IPAddress Address, int Port, string Text)
{
    /// <summary>A board halted for gdb with nobody connected fails after this long (default 10 minutes).</summary>
    public TimeSpan AttachWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A connected client silent this long (no packet) is dropped and the board runs on (default 1 hour).</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Whether the board waits halted at its reset vector for gdb (`rig emulate --gdb`).</summary>
    public bool StartHalted { get; init; }

    /// <summary>Parses <c>[host]:port</c>; bad input is an <see cref="InvalidDataException"/> naming the option.</summary>
    public static GdbServerOptions Parse(string text, string option = "--gdb")
    {
        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? "" : text[..colon];
        var portText = colon < 0 ? text : text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new InvalidDataException($"{option} '{text}': the port must be a number 0-65535 (e.g. {option} :3333)");
        IPAddress address;
        if (host is "" or "localhost") address = IPAddress.Loopback;
        else if (host is "*" or "0.0.0.0") address = IPAddress.Any;
        else if (!IPAddress.TryParse(host, out address!))
            throw new InvalidDataException($"{option} '{text}': '{host}' is not an address to listen on (use :port, localhost:port or 0.0.0.0:port)");
        return new GdbServerOptions(address, port, text);
    }
}
