using System.Globalization;
using System.Text;
using Rig.Gdb;

namespace Rig.Emulation.Gdb;

/// <summary>q/Q queries, v packets (vCont, vFlash*), and `monitor` commands (qRcmd).</summary>
public sealed partial class GdbSession
{
    const int PacketSize = 0x4000;

    string Query(string p)
    {
        if (p.StartsWith("qSupported", StringComparison.Ordinal))
            return $"PacketSize={PacketSize:x};qXfer:features:read+;qXfer:memory-map:read+;QStartNoAckMode+;vContSupported+";
        if (p == "QStartNoAckMode") return "OK";
        if (p.StartsWith("qXfer:features:read:", StringComparison.Ordinal))
        {
            var rest = p["qXfer:features:read:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var files = GdbRegisters.TargetDescription(Core.Kind);
            return files.TryGetValue(rest[..colon], out var text) ? Chunk(text, rest[(colon + 1)..]) : "E00";
        }
        if (p.StartsWith("qXfer:memory-map:read::", StringComparison.Ordinal))
            return Chunk(GdbMemoryMapXml.Build(Board.Profile, Core.Memory), p["qXfer:memory-map:read::".Length..]);
        if (p.StartsWith("qCRC:", StringComparison.Ordinal))
        {
            var (address, length) = AddressLength(p[5..]);
            return $"C{GdbCrc32.Compute(DebugMemory.Read(Core.Memory, address, length)):x8}";
        }
        if (p.StartsWith("qRcmd,", StringComparison.Ordinal)) return Monitor(Encoding.Latin1.GetString(Convert.FromHexString(p[6..])));
        return p switch
        {
            "qAttached" => "1",
            "qC" => "QC1",
            "qfThreadInfo" => "m1",
            "qsThreadInfo" => "l",
            "qSymbol::" => "OK",
            _ when p.StartsWith("qThreadExtraInfo", StringComparison.Ordinal) => Convert.ToHexStringLower(Encoding.ASCII.GetBytes(Board.Name)),
            _ => "",
        };
    }

    /// <summary>One piece of a qXfer object: <c>m</c> more follows, <c>l</c> last.</summary>
    static string Chunk(string text, string offsetLength)
    {
        var (offset, length) = AddressLength(offsetLength);
        if (offset >= text.Length) return "l";
        var n = (int)Math.Min(length, text.Length - offset);
        return string.Concat(offset + n >= text.Length ? "l" : "m", text.AsSpan((int)offset, n));
    }

    string V(string p)
    {
        if (p == "vCont?") return "vCont;c;C;s;S";
        if (p.StartsWith("vCont;", StringComparison.Ordinal))
        {
            // One core: the first action decides (gdb sends e.g. "vCont;s:1;c" to step thread 1).
            var action = p[6..].Split(';')[0];
            return action.Length > 0 && action[0] is 's' or 'S' ? Step() : action.Length > 0 && action[0] is 'c' or 'C' ? Continue() : "E16";
        }
        if (p.StartsWith("vFlashErase:", StringComparison.Ordinal))
        {
            var (address, length) = AddressLength(p["vFlashErase:".Length..]);
            debugger.WaitParked(ParkWait);
            debugger.Flash.Remember(DebugMemory.EraseFlash(Core.Memory, address, (uint)length));
            return "OK";
        }
        if (p.StartsWith("vFlashWrite:", StringComparison.Ordinal))
        {
            var rest = p["vFlashWrite:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var address = uint.Parse(rest[..colon], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            debugger.WaitParked(ParkWait);
            debugger.Flash.Remember(DebugMemory.ProgramFlash(Core.Memory, address, Binary(rest[(colon + 1)..])));
            return "OK";
        }
        if (p == "vFlashDone")
        {
            // The fetch fast path (and any decoded copy of the flash) must see the new code.
            Core.FlushFetchCache();
            return "OK";
        }
        if (p.StartsWith("vRun", StringComparison.Ordinal))
        {
            ResetBoard();
            return StopReply(debugger.Halt);
        }
        if (p == "vMustReplyEmpty") return "";
        if (p.StartsWith("vKill", StringComparison.Ordinal))
        {
            Killed = true;
            return "OK";
        }
        return "";
    }

    /// <summary>`monitor reset [halt]`, `monitor help`: output as O packets, then OK.</summary>
    string Monitor(string command)
    {
        var words = command.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (words)
        {
            case ["reset"] or ["reset", "halt"] or ["reset", "init"]:
                ResetBoard();
                Output($"{Board.Name}: reset, halted at 0x{Core.Pc:x8}{(debugger.Flash.Changed ? " (the flashed image)" : "")}\n");
                return "OK";
            case ["help"]:
                Output("monitor reset [halt]: reset the chip and its peripherals (what was flashed stays) and halt at the reset vector\n");
                return "OK";
            default:
                Output($"unknown monitor command '{command.Trim()}' (try: monitor help)\n");
                return "E16";
        }
    }

    void Output(string text) =>
        transport.Send("O" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text)), "monitor output", AckWait);
}
