using System.Globalization;
using System.Text;
using Rig.Emulation.Boards;
using Rig.Emulation.Cpu;
using Rig.Gdb;

namespace Rig.Emulation.Gdb;

/// <summary>
/// One gdb connection to an emulated board: reads packets, answers them (<see cref="Answer"/>), and runs the board
/// for <c>c</c>/<c>vCont;c</c> until a breakpoint, ^C or an ending stop. Every wait is bounded: a client silent
/// for <paramref name="idle"/> is dropped (the board runs on, detached).
/// </summary>
public sealed partial class GdbSession(RspTransport transport, GdbBoardDebugger debugger, TimeSpan idle, TextWriter log)
{
    static readonly TimeSpan AckWait = TimeSpan.FromSeconds(5);
    static readonly TimeSpan ParkWait = TimeSpan.FromSeconds(2);

    EmulatedBoard Board => debugger.Board;
    ArmCore Core => Board.Core;

    /// <summary>Set by <c>k</c>: the client asked to end the board (`rig emulate --gdb` then exits).</summary>
    public bool Killed { get; private set; }

    /// <summary>Serves the connection until gdb detaches, kills, goes away or stays silent too long.</summary>
    public void Serve()
    {
        debugger.ClientConnected(ParkWait);
        try
        {
            while (true)
            {
                var packet = transport.Receive("the next command", idle);
                var reply = Answer(packet);
                if (reply is not null) transport.Send(reply, packet, AckWait); // k and R have none
                if (packet == "QStartNoAckMode") transport.NoAck = true;
                if (Killed || packet.StartsWith('D')) return;
            }
        }
        catch (GdbProtocolException e)
        {
            log.WriteLine($"gdb server: {e.Message}; the board runs on without gdb");
        }
        finally
        {
            if (!Killed) debugger.Detach();
        }
    }

    /// <summary>The reply to one packet (null: none, the connection ends).</summary>
    public string? Answer(string packet)
    {
        try
        {
            return Dispatch(packet);
        }
        catch (Boards.Host.EmulatedBoardStoppedException e)
        {
            log.WriteLine($"gdb server: '{RspFraming.Shorten(packet)}': the board has ended: {e.Message}");
            return "E05"; // EIO
        }
        catch (GdbMemoryException e)
        {
            log.WriteLine($"gdb server: '{RspFraming.Shorten(packet)}': {e.Message}");
            return "E14"; // EFAULT
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or IndexOutOfRangeException)
        {
            log.WriteLine($"gdb server: malformed packet '{RspFraming.Shorten(packet)}': {e.Message}");
            return "E16"; // EINVAL
        }
    }

    string? Dispatch(string p)
    {
        if (p.Length == 0) return "";
        switch (p[0])
        {
            case '?': return StopReply(debugger.Halt);
            case 'g': return ReadAllRegisters();
            case 'G': return WriteAllRegisters(p[1..]);
            case 'p': return ReadRegister(p[1..]);
            case 'P': return WriteRegister(p[1..]);
            case 'm': return ReadMemory(p[1..]);
            case 'M': return WriteMemoryHex(p[1..]);
            case 'X': return WriteMemoryBinary(p[1..]);
            case 'Z': return Breakpoint(p[1..], insert: true);
            case 'z': return Breakpoint(p[1..], insert: false);
            case 's': case 'S': return Step();
            case 'c': case 'C': return Continue();
            case 'H': case 'T': return "OK";
            case '!': return "OK";
            case 'D': debugger.Detach(); return "OK";
            case 'k': Killed = true; return null;
            case 'R': ResetBoard(); return null;
            case 'q': case 'Q': return Query(p);
            case 'v': return V(p);
            default: return "";
        }
    }

    // ---- run control ---------------------------------------------------------------------------

    static string StopReply(GdbHalt halt) => $"T{halt.Signal:x2}thread:1;";

    string Step()
    {
        if (Ended() is { } over) return over;
        debugger.WaitParked(ParkWait);
        var trace = Core.Trace as BreakpointTrace;
        if (trace is not null) trace.Enabled = false;
        EmulationStop? stop;
        try
        {
            stop = Core.Step();
        }
        finally
        {
            if (trace is not null) trace.Enabled = true;
        }
        switch (stop?.Reason)
        {
            case null or StopReason.Yield or StopReason.Breakpoint:
                return StopReply(new GdbHalt(GdbHalt.SigTrap, "step"));
            case StopReason.ResetRequested:
                ResetBoard();
                return StopReply(new GdbHalt(GdbHalt.SigTrap, "the image reset the chip"));
            default:
                log.WriteLine($"gdb server: the step stopped the core: {stop}");
                return StopReply(new GdbHalt(GdbHalt.SignalOf(stop.Reason), stop.ToString()));
        }
    }

    string Continue()
    {
        if (Ended() is { } over) return over;
        debugger.Resume();
        while (true)
        {
            if (debugger.WaitHalted(TimeSpan.FromMilliseconds(50)))
            {
                debugger.WaitParked(ParkWait);
                return Ended() ?? StopReply(debugger.Halt);
            }
            if (Ended() is { } end) return end;
            if (transport.TakeInterrupt()) debugger.Interrupt(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The board ended for good (its stop already shown): gdb hears that the program is gone.</summary>
    string? Ended()
    {
        if (Board.Stopped is not { } stopped) return null;
        return stopped.Stop.Reason == StopReason.Exit ? "W00" : $"X{GdbHalt.SignalOf(stopped.Stop.Reason):x2}";
    }

    void ResetBoard()
    {
        debugger.WaitParked(ParkWait);
        Board.Reset();
        debugger.HaltBeforeNextRun("reset");
    }

    // ---- registers ---------------------------------------------------------------------------

    string ReadAllRegisters()
    {
        var regs = new GdbRegisters(Core);
        var text = new StringBuilder();
        foreach (var r in regs.List) text.Append(Convert.ToHexStringLower(regs.Read(r)));
        return text.ToString();
    }

    string WriteAllRegisters(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        var regs = new GdbRegisters(Core);
        var offset = 0;
        foreach (var r in regs.List)
        {
            if (offset + r.Bytes > bytes.Length) break;
            regs.Write(r, bytes.AsSpan(offset, r.Bytes));
            offset += r.Bytes;
        }
        return "OK";
    }

    string ReadRegister(string args)
    {
        var regs = new GdbRegisters(Core);
        var r = regs.Find(int.Parse(args, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return r is null ? "E45" : Convert.ToHexStringLower(regs.Read(r));
    }

    string WriteRegister(string args)
    {
        var eq = args.IndexOf('=', StringComparison.Ordinal);
        var regs = new GdbRegisters(Core);
        var r = regs.Find(int.Parse(args[..eq], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        if (r is null) return "E45";
        regs.Write(r, Convert.FromHexString(args[(eq + 1)..]));
        return "OK";
    }

    // ---- memory ------------------------------------------------------------------------------

    static (uint Address, int Length) AddressLength(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        var address = uint.Parse(text[..comma], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var length = int.Parse(text[(comma + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (length < 0 || length > 0x10_0000) throw new ArgumentException($"length {length} out of range");
        return (address, length);
    }

    string ReadMemory(string args)
    {
        var (address, length) = AddressLength(args);
        return Convert.ToHexStringLower(DebugMemory.Read(Core.Memory, address, length));
    }

    string WriteMemoryHex(string args)
    {
        var colon = args.IndexOf(':', StringComparison.Ordinal);
        var (address, length) = AddressLength(args[..colon]);
        var data = Convert.FromHexString(args[(colon + 1)..]);
        if (data.Length != length) throw new ArgumentException($"{data.Length} bytes given for length {length}");
        DebugMemory.Write(Core.Memory, address, data);
        Core.FlushFetchCache();
        return "OK";
    }

    string WriteMemoryBinary(string args)
    {
        var colon = args.IndexOf(':', StringComparison.Ordinal);
        var (address, length) = AddressLength(args[..colon]);
        var data = Binary(args[(colon + 1)..]);
        if (data.Length != length) throw new ArgumentException($"{data.Length} bytes given for length {length}");
        if (length > 0) DebugMemory.Write(Core.Memory, address, data);
        return "OK";
    }

    /// <summary>A payload's binary data: one byte per char (RspFraming already undid the escapes).</summary>
    static byte[] Binary(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
        return bytes;
    }

    string Breakpoint(string args, bool insert)
    {
        var parts = args.Split(',');
        if (parts.Length < 2 || parts[0] is not ("0" or "1")) return ""; // watchpoints: not supported
        var address = uint.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (insert) debugger.InsertBreakpoint(address);
        else debugger.RemoveBreakpoint(address);
        return "OK";
    }
}
