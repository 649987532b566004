namespace Rig.Gdb;

/// <summary>
/// Why the target stopped, from a stop-reply packet: <c>S</c>/<c>T</c> (signal, 5 = SIGTRAP after a
/// step or breakpoint, 2 = SIGINT after an interrupt), <c>W</c> (exited) or <c>X</c> (killed).
/// </summary>
public sealed record GdbStopReply(char Kind, int Signal, string Raw)
{
    public const int SigInt = 2;
    public const int SigTrap = 5;

    public bool Exited => Kind is 'W' or 'X';

    public static GdbStopReply Parse(string packet)
    {
        if (packet.Length >= 3 && packet[0] is 'S' or 'T' or 'W' or 'X'
            && int.TryParse(packet.AsSpan(1, 2), System.Globalization.NumberStyles.HexNumber, null, out var signal))
            return new GdbStopReply(packet[0], signal, packet);
        throw new GdbProtocolException($"gdb stub: expected a stop reply (S/T/W/X), got '{RspFraming.Shorten(packet)}'");
    }
}
