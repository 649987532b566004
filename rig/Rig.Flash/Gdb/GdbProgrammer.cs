using System.Globalization;
using System.Text;
using Rig.Elf.Format;
using Rig.Flash.Image;
using Rig.Gdb;

namespace Rig.Flash.Gdb;

/// <summary>
/// Programs a board through any GDB server (OpenOCD, J-Link's, probe-rs, pyOCD, Black Magic Probe, the emulated board's
/// `rig emulate --gdb`) as gdb's <c>load</c> does: the server's memory map names the flash, whose blocks under the image are
/// erased and written (vFlashErase, vFlashWrite, vFlashDone); anything outside flash is a plain memory write. Then every
/// section is compared as <c>compare-sections</c> does (qCRC, or the bytes read back where the server has no qCRC), the board
/// is reset (<c>monitor reset</c>), the build-id note is read back from flash, and the server is detached so the board runs.
/// </summary>
public sealed class GdbProgrammer(string host, int port, TimeSpan timeout) : IProgrammer
{
    private const int ReadChunk = 1024;

    public FlashReport Flash(FlashImage image, bool readBackBuildId, IFlashProgress progress)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(progress);
        GdbRemoteClient gdb;
        try
        {
            gdb = GdbRemoteClient.Connect(host, port, timeout);
        }
        catch (GdbProtocolException e)
        {
            throw new ProgrammerUnavailableException(
                $"{e.Message}: start the probe's GDB server there (openocd, JLinkGDBServer, pyocd gdbserver, probe-rs gdb, a Black Magic Probe, or `rig emulate <elf> --profile <p> --gdb :{port}`)", e);
        }
        using (gdb)
        {
            try
            {
                return Program(gdb, image, readBackBuildId, progress);
            }
            catch (GdbProtocolException e)
            {
                throw new ProgrammerUnavailableException($"gdb server {host}:{port}: {e.Message}", e);
            }
        }
    }

    private FlashReport Program(GdbRemoteClient gdb, FlashImage image, bool readBackBuildId, IFlashProgress progress)
    {
        var supported = gdb.Transact("qSupported:multiprocess-;swbreak+;hwbreak+");
        var packetSize = PacketSize(supported);
        gdb.HaltReason();
        var map = supported.Contains("qXfer:memory-map:read+", StringComparison.Ordinal) ? GdbMemoryMap.Parse(ReadMemoryMap(gdb)) : new GdbMemoryMap([]);
        progress.Step($"connected to gdb://{host}:{port} ({(map.Flash.Count == 0 ? "no flash in its memory map: plain memory writes" : $"{map.Flash.Count} flash region(s)")})");

        var inFlash = image.Segments.Where(s => map.FlashAt(s.Address, s.End) is not null).ToList();
        var total = image.Bytes;
        long written = 0;
        // Binary data is escaped on the wire (at most two bytes per byte), so a chunk of half the packet fits.
        var chunk = Math.Max(64, (packetSize - 64) / 2);
        if (inFlash.Count > 0)
        {
            foreach (var (start, end) in EraseRanges(inFlash, map))
            {
                progress.Step($"erase 0x{start:X8}..0x{end:X8} ({end - start} B)");
                Ok(gdb, $"vFlashErase:{start:x},{end - start:x}");
            }
            foreach (var s in inFlash)
            {
                for (var at = 0; at < s.Data.Length; at += chunk)
                {
                    var n = Math.Min(chunk, s.Data.Length - at);
                    Ok(gdb, $"vFlashWrite:{s.Address + (uint)at:x}:" + Encoding.Latin1.GetString(s.Data, at, n));
                    written += n;
                }
                progress.Step($"write {s.Name} at 0x{s.Address:X8}: {s.Data.Length} B ({written * 100 / total} % of {total} B)");
            }
            Ok(gdb, "vFlashDone");
        }
        foreach (var s in image.Segments.Except(inFlash))
        {
            for (var at = 0; at < s.Data.Length; at += chunk)
                gdb.WriteMemory(s.Address + (uint)at, s.Data.AsSpan(at, Math.Min(chunk, s.Data.Length - at)));
            written += s.Data.Length;
            progress.Step($"write {s.Name} at 0x{s.Address:X8} (memory): {s.Data.Length} B ({written * 100 / total} % of {total} B)");
        }

        var checks = image.Sections.Select(s => Compare(gdb, s)).ToList();
        progress.Step($"verify: {checks.Count(c => c.Matches)} of {checks.Count} sections match ({string.Join(", ", checks.Select(c => $"{c.Name} {(c.Matches ? "matched" : "MIS-MATCHED")}"))})");

        var reset = Reset(gdb, progress);
        string? readBack = null;
        if (readBackBuildId && image.BuildId is { } note)
        {
            readBack = BuildIdNote.FromNotes(gdb.ReadMemory((uint)note.Address, note.NoteBytes));
            progress.Step($"build id read back from 0x{note.Address:X8}: {readBack ?? "none"}");
        }
        // Detach: the server lets the target run (what gdb's `detach` does).
        var detached = gdb.Transact("D");
        if (detached != "OK") progress.Step($"detach answered '{detached}'");
        return new FlashReport($"gdb://{host}:{port}", written, checks, reset, readBack);
    }

    /// <summary>compare-sections: the server's CRC of the target's bytes against the image's; the bytes themselves when it has no qCRC.</summary>
    private static SectionCheck Compare(GdbRemoteClient gdb, FlashBlock s)
    {
        var reply = gdb.Transact($"qCRC:{s.Address:x},{s.Data.Length:x}");
        if (reply.Length > 1 && reply[0] == 'C' && uint.TryParse(reply.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var crc))
            return new SectionCheck(s.Name, s.Address, s.Data.Length, crc == GdbCrc32.Compute(s.Data), "qCRC");
        var target = new byte[s.Data.Length];
        for (var at = 0; at < target.Length; at += ReadChunk)
            gdb.ReadMemory(s.Address + (uint)at, Math.Min(ReadChunk, target.Length - at)).CopyTo(target, at);
        return new SectionCheck(s.Name, s.Address, s.Data.Length, target.AsSpan().SequenceEqual(s.Data), "read back");
    }

    private static bool Reset(GdbRemoteClient gdb, IFlashProgress progress)
    {
        try
        {
            var said = gdb.Monitor("reset").Trim();
            // Some servers answer OK to a command they do not know and only say so in its output (QEMU's monitor).
            if (said.Contains("unknown command", StringComparison.OrdinalIgnoreCase))
            {
                progress.Step($"reset: the server has no `monitor reset` ({said}); reset the board by hand");
                return false;
            }
            progress.Step("reset (monitor reset)" + (said.Length > 0 ? ": " + said : ""));
            return true;
        }
        catch (GdbProtocolException e)
        {
            progress.Step($"reset: the server has no `monitor reset` ({e.Message}); reset the board by hand");
            return false;
        }
    }

    /// <summary>Block-aligned ranges to erase, per flash region, merged where the image's segments share or touch blocks.</summary>
    private static List<(uint Start, uint End)> EraseRanges(IEnumerable<FlashBlock> segments, GdbMemoryMap map)
    {
        var ranges = segments.Select(s =>
        {
            var region = map.FlashAt(s.Address, s.End)!;
            return (Start: region.BlockStart(s.Address), End: region.BlockEnd(s.End));
        }).OrderBy(r => r.Start).ToList();
        var merged = new List<(uint Start, uint End)>();
        foreach (var (start, end) in ranges)
        {
            if (merged.Count > 0 && start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(end, merged[^1].End));
            else merged.Add((start, end));
        }
        return merged;
    }

    private static string ReadMemoryMap(GdbRemoteClient gdb)
    {
        var xml = new StringBuilder();
        while (true)
        {
            var command = $"qXfer:memory-map:read::{xml.Length:x},ffb";
            var reply = gdb.Transact(command);
            if (reply.Length == 0 || reply[0] is not ('m' or 'l')) throw new GdbProtocolException($"'{command}' answered '{RspFraming.Shorten(reply)}'");
            xml.Append(reply, 1, reply.Length - 1);
            if (reply[0] == 'l') return xml.ToString();
        }
    }

    private static int PacketSize(string supported)
    {
        foreach (var feature in supported.Split(';'))
            if (feature.StartsWith("PacketSize=", StringComparison.Ordinal) &&
                int.TryParse(feature.AsSpan("PacketSize=".Length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size))
                return Math.Clamp(size, 256, 16 * 1024);
        return 400; // gdb's default when the server does not say
    }

    private static void Ok(GdbRemoteClient gdb, string command)
    {
        var reply = gdb.Transact(command);
        if (reply != "OK") throw new GdbProtocolException($"'{RspFraming.Shorten(command)}' answered '{RspFraming.Shorten(reply)}', not OK");
    }
}
