using System.Text;
using Rig.Emulation.Cpu;
using Rig.Emulation.Gdb;
using Rig.Gdb;

namespace Rig.Emulation.Tests.Gdb;

/// <summary>The protocol's byte level (rig/Rig.Gdb) and the server's pieces that need no gdb: framing, qCRC, target description.</summary>
public sealed class GdbPacketTests
{
    [Fact]
    public void A_packet_is_dollar_payload_hash_and_the_modulo_256_sum_of_its_escaped_bytes()
    {
        Assert.Equal("$OK#9a", Encoding.ASCII.GetString(RspFraming.Frame("OK")));
        // '#' (0x23) goes as '}' then 0x23 ^ 0x20 = 0x03; the sum covers the escaped bytes.
        var framed = RspFraming.Frame("a#b");
        Assert.Equal([(byte)'$', (byte)'a', (byte)'}', 0x03, (byte)'b', (byte)'#'], framed[..6]);
        var sum = ((byte)'a' + (byte)'}' + 0x03 + (byte)'b') & 0xFF;
        Assert.Equal($"{sum:x2}", Encoding.ASCII.GetString(framed[^2..]));
    }

    [Fact]
    public void Decode_undoes_escapes_and_run_length_encoding_and_keeps_binary_bytes()
    {
        // "0* " is '0' plus (' ' - 29) = 3 more copies.
        Assert.Equal("00000", RspFraming.Decode("0* 0"u8.ToArray()));
        var binary = new byte[] { 0x00, 0xFF, (byte)'}', (byte)('$' ^ 0x20), 0x80 };
        Assert.Equal("\u0000\u00FF$\u0080", RspFraming.Decode(binary));
        Assert.Equal("X$#}*", RspFraming.Decode(RspFraming.Escape("X$#}*")));
    }

    [Fact]
    public void The_target_description_numbers_registers_as_qemu_does()
    {
        var m4 = GdbRegisters.Describe(CoreKind.CortexM4);
        Assert.Equal(Enumerable.Range(0, 16), m4.Take(16).Select(r => r.Number));
        Assert.Equal(25, m4.Single(r => r.Name == "xpsr").Number);
        Assert.Equal(26, m4.Single(r => r.Name == "d0").Number);
        Assert.Equal(42, m4.Single(r => r.Name == "fpscr").Number);
        Assert.DoesNotContain(GdbRegisters.Describe(CoreKind.CortexM0Plus), r => r.Name.StartsWith('d') || r.Name == "basepri");
        var files = GdbRegisters.TargetDescription(CoreKind.CortexM4);
        // The oracle's own reader of QEMU's descriptions lays the g packet out the same way.
        var layout = GdbRegisterLayout.FromTargetDescription(annex => files[annex]);
        Assert.Equal(m4.Select(r => r.Name), layout.Registers.Select(r => r.Name));
        Assert.Equal(m4.Sum(r => r.Bytes), layout.Registers.Sum(r => r.Bits / 8));
    }
}
