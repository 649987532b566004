using System.Globalization;
using CsCheck;
using Rig.Firmware.Tests.Support;

namespace Rig.Firmware.Tests.CortexM;

/// <summary>
/// The ports' shared ring logic (firmware/boards/cortexm/byte_ring.h and mic_reader.h), compiled
/// for the host with -std=c99 -Wall -Wextra -Werror and driven through a tiny command loop:
/// "w n" = the DMA writes n samples, "r n" = board_mic_read of up to n, "p b" / "g" = UART ring
/// put / get. Random command sequences are checked against the invariants the ports rely on.
/// </summary>
public sealed class PortRingTests : IDisposable
{
    private const int MicRing = 64;
    private const int ByteRing = 160; // the py32f003 profile's rx_buffer_bytes: not a power of two

    private const string Driver = """
        #include <stdio.h>
        #include "byte_ring.h"
        #include "mic_reader.h"
        #define N 64u
        static int16_t ring[N];
        static uint8_t bytes[160];
        int main(void)
        {
            byte_ring_t br = { bytes, 160, 0, 0 };
            mic_reader_t r = { 0, 0 };
            uint32_t written = 0;
            char op;
            unsigned long n;
            while (scanf(" %c %lu", &op, &n) == 2) {
                if (op == 'w') {
                    for (unsigned long i = 0; i < n; ++i, ++written) ring[written & (N - 1u)] = (int16_t)(written & 0x7FFF);
                } else if (op == 'r') {
                    uint32_t start;
                    size_t c = mic_reader_span(&r, written, N, n, &start);
                    long first = c ? (long)ring[start] : -1;
                    int consecutive = 1;
                    for (size_t i = 1; i < c; ++i)
                        if (ring[(start + i) & (N - 1u)] != (int16_t)((first + (long)i) & 0x7FFF)) consecutive = 0;
                    mic_reader_consume(&r, c);
                    printf("r %zu %ld %lu %d\n", c, first, (unsigned long)r.dropped, consecutive);
                } else if (op == 'p') {
                    printf("p %d\n", byte_ring_put(&br, (uint8_t)n));
                } else if (op == 'g') {
                    uint8_t b = 0;
                    int ok = byte_ring_get(&br, &b);
                    printf("g %d %u\n", ok, (unsigned)b);
                }
            }
            return 0;
        }
        """;

    private readonly TempDir _dir = new();
    private readonly string _exe;

    public PortRingTests()
    {
        var c = _dir.Sub("driver.c");
        File.WriteAllText(c, Driver);
        _exe = _dir.Sub("driver");
        Tool.Ok("gcc", [.. ArmTarget.Warnings, "-I", FirmwareTree.CortexM, c, "-o", _exe]);
    }

    public void Dispose() => _dir.Dispose();

    private string[] Drive(IEnumerable<string> commands)
    {
        var r = Tool.Run(_exe, [], stdin: string.Join('\n', commands) + "\n");
        Assert.Equal(0, r.ExitCode);
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Mic_reader_never_returns_overwritten_samples_and_accounts_for_every_sample()
    {
        var step = Gen.Select(Gen.Bool, Gen.Int[0, 3 * MicRing]);
        Gen.Select(step.Array[1, 40], Gen.Int[1, 2 * MicRing]).Sample((steps, drain) =>
        {
            var commands = steps.Select(s => (s.Item1 ? "w " : "r ") + s.Item2.ToString(CultureInfo.InvariantCulture)).Append($"r {drain}").ToList();
            var lines = Drive(commands);
            long written = 0, consumed = 0, dropped = 0;
            var li = 0;
            foreach (var cmd in commands)
            {
                var n = long.Parse(cmd[2..], CultureInfo.InvariantCulture);
                if (cmd[0] == 'w') { written += n; continue; }
                var t = lines[li++].Split(' ');
                long count = long.Parse(t[1], CultureInfo.InvariantCulture), first = long.Parse(t[2], CultureInfo.InvariantCulture);
                long nowDropped = long.Parse(t[3], CultureInfo.InvariantCulture);
                Assert.InRange(count, 0, n);
                Assert.Equal("1", t[4]); // the samples of one read are consecutive
                Assert.True(nowDropped >= dropped);
                var pendingBefore = written - consumed - dropped;
                if (pendingBefore < MicRing) Assert.Equal(dropped, nowDropped); // nothing lost while the ring had room
                dropped = nowDropped;
                if (count > 0)
                {
                    // The first sample handed out is the oldest not yet consumed or dropped, and it
                    // is still in the ring (not older than one ring length).
                    Assert.Equal((consumed + dropped) & 0x7FFF, first);
                    Assert.True(written - (consumed + dropped) <= MicRing);
                }
                consumed += count;
                Assert.True(consumed + dropped <= written);
            }
        }, iter: 60);
    }

    [Fact]
    public void Byte_ring_is_fifo_with_size_minus_one_capacity()
    {
        Gen.Int[0, 255].Array[0, 2 * ByteRing].Sample(values =>
        {
            var commands = values.Select(v => $"p {v}").Concat(Enumerable.Repeat("g 0", values.Length + 1)).ToList();
            var lines = Drive(commands);
            var accepted = lines.Take(values.Length).Select(l => l == "p 1").ToArray();
            Assert.Equal(Math.Min(values.Length, ByteRing - 1), accepted.Count(a => a));
            Assert.All(accepted.Take(ByteRing - 1), Assert.True);
            var got = lines.Skip(values.Length).Where(l => l.StartsWith("g 1", StringComparison.Ordinal)).Select(l => int.Parse(l[4..], CultureInfo.InvariantCulture));
            Assert.Equal(values.Take(ByteRing - 1), got);
            Assert.Equal("g 0 0", lines[^1]); // and then empty
        }, iter: 40);
    }
}
