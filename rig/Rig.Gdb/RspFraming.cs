using System.Globalization;
using System.Text;

namespace Rig.Gdb;

/// <summary>
/// The byte level of the GDB remote serial protocol: a packet is <c>$payload#cc</c> with
/// <c>cc</c> the modulo-256 sum of the payload's bytes in two hex digits; <c>$</c>, <c>#</c>,
/// <c>}</c> and <c>*</c> inside a payload are escaped as <c>}</c> then the byte xor 0x20, and a
/// reply may run-length encode (<c>x*n</c>: n - 29 more copies of x).
/// Payloads are strings of bytes: each char holds one byte (0-255), so binary data
/// (<c>X</c>, <c>vFlashWrite</c>) survives unchanged.
/// </summary>
public static class RspFraming
{
    /// <summary>The interrupt byte (^C) a client sends outside any packet to stop a running target.</summary>
    public const byte Interrupt = 0x03;

    /// <summary>The whole packet for <paramref name="payload"/>, escaped and check-summed.</summary>
    public static byte[] Frame(string payload)
    {
        var escaped = Escape(payload);
        var packet = new byte[escaped.Length + 4];
        packet[0] = (byte)'$';
        escaped.CopyTo(packet, 1);
        packet[^3] = (byte)'#';
        var sum = Checksum(escaped);
        packet[^2] = HexDigit(sum >> 4);
        packet[^1] = HexDigit(sum & 0xF);
        return packet;
    }

    /// <summary>Escapes the four reserved bytes of a payload (the sum is over the escaped bytes).</summary>
    public static byte[] Escape(string payload)
    {
        var bytes = new List<byte>(payload.Length);
        foreach (var ch in payload)
        {
            if (ch > 0xFF) throw new ArgumentException($"an RSP payload holds bytes, not the character U+{(int)ch:X4}", nameof(payload));
            if (ch is '$' or '#' or '}' or '*') { bytes.Add((byte)'}'); bytes.Add((byte)(ch ^ 0x20)); }
            else bytes.Add((byte)ch);
        }
        return [.. bytes];
    }

    /// <summary>Undoes the binary escape (<c>}</c> x^0x20) and run-length encoding (<c>x*n</c>) of a received payload.</summary>
    public static string Decode(IReadOnlyList<byte> data)
    {
        var text = new StringBuilder(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var c = data[i];
            if (c == '}' && i + 1 < data.Count) text.Append((char)(data[++i] ^ 0x20));
            else if (c == '*' && i + 1 < data.Count && text.Length > 0) text.Append(text[^1], data[++i] - 29);
            else text.Append((char)c);
        }
        return text.ToString();
    }

    public static int Checksum(IEnumerable<byte> data)
    {
        var sum = 0;
        foreach (var b in data) sum += b;
        return sum & 0xFF;
    }

    /// <summary>The two checksum characters as a number, or -1 when they are not hex.</summary>
    public static int ParseHexByte(int hi, int lo) =>
        int.TryParse($"{(char)hi}{(char)lo}", NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : -1;

    /// <summary>A payload cut to 80 characters for an error message.</summary>
    public static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "...";

    static byte HexDigit(int v) => (byte)"0123456789abcdef"[v];
}
