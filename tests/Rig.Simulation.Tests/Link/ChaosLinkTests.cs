using Microsoft.Extensions.Time.Testing;
using Rig.Protocol.Framing;
using Rig.Simulation.Link;
using Rig.Simulation.Tests.Support;

namespace Rig.Simulation.Tests.Link;

public class ChaosLinkTests
{
    private static byte[] Pattern(int n, int seed)
    {
        var bytes = new byte[n];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Pushes <paramref name="data"/> host->board in writes of <paramref name="chunk"/> bytes; returns what the board got.</summary>
    private static (byte[] Got, ChaosLink Link) ToBoard(string spec, byte[] data, int chunk)
    {
        var clock = new FakeTimeProvider();
        var line = new ClockedLine(clock);
        var link = new ChaosLink(line, LineFaults.Parse(spec), clock);
        for (var at = 0; at < data.Length; at += chunk) link.Write(data.AsSpan(at, Math.Min(chunk, data.Length - at)));
        return (line.AllWritten, link);
    }

    [Fact]
    public void The_same_seed_gives_the_same_faults_however_the_stream_is_cut_and_another_seed_does_not()
    {
        var data = Pattern(200_000, 1);
        var (a, _) = ToBoard("ber=1e-3,seed=7", data, 64);
        var (b, _) = ToBoard("ber=1e-3,seed=7", data, 4096);
        var (c, _) = ToBoard("ber=1e-3,seed=8", data, 64);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(data, a);
    }

    [Fact]
    public void The_fault_rate_and_the_share_of_each_kind_are_within_statistical_bounds()
    {
        const int n = 1_000_000;
        const double ber = 1e-3;
        var (_, link) = ToBoard($"ber={ber},seed=3", Pattern(n, 2), 1000);
        var f = link.Injected.ToBoard;
        Assert.Equal(n, f.Bytes);
        var total = f.Dropped + f.Flipped + f.Duplicated;
        // Binomial(n, ber): mean 1000, sd ~31.6; 5 sd either way.
        var sd = Math.Sqrt(n * ber * (1 - ber));
        Assert.InRange(total, n * ber - 5 * sd, n * ber + 5 * sd);
        // Each kind is a third of the faults: Binomial(total, 1/3).
        var kindSd = Math.Sqrt(total / 3.0 * 2 / 3);
        foreach (var k in new[] { f.Dropped, f.Flipped, f.Duplicated })
            Assert.InRange(k, total / 3.0 - 5 * kindSd, total / 3.0 + 5 * kindSd);
    }

    [Fact]
    public void Drop_removes_bytes_and_keeps_the_rest_in_order()
    {
        var data = Pattern(50_000, 4);
        var (got, link) = ToBoard("ber=0.01,kinds=drop,seed=5", data, 512);
        var dropped = link.Injected.ToBoard.Dropped;
        Assert.True(dropped > 0);
        Assert.Equal(data.Length - dropped, got.Length);
        // got is a subsequence of data.
        var i = 0;
        foreach (var b in data) if (i < got.Length && got[i] == b) i++;
        Assert.Equal(got.Length, i);
    }

    [Fact]
    public void Flip_inverts_exactly_one_bit_of_each_faulted_byte()
    {
        var data = Pattern(20_000, 6);
        var (got, link) = ToBoard("ber=1,kinds=flip", data, 100);
        Assert.Equal(data.Length, got.Length);
        Assert.Equal(data.Length, link.Injected.ToBoard.Flipped);
        for (var i = 0; i < data.Length; i++) Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)(data[i] ^ got[i])));
    }

    [Fact]
    public void Duplicate_sends_each_faulted_byte_twice()
    {
        var data = Pattern(5_000, 7);
        var (got, link) = ToBoard("ber=1,kinds=dup", data, 100);
        Assert.Equal(data.Length, link.Injected.ToBoard.Duplicated);
        Assert.Equal(data.SelectMany(b => new[] { b, b }).ToArray(), got);
    }

    [Fact]
    public void The_board_to_host_direction_is_faulted_on_its_own()
    {
        var clock = new FakeTimeProvider();
        var line = new ClockedLine(clock);
        var data = Pattern(4000, 8);
        for (var i = 0; i < 4; i++) line.Arrive(TimeSpan.FromMilliseconds(i), data[(i * 1000)..((i + 1) * 1000)]);
        var link = new ChaosLink(line, LineFaults.Parse("ber=1,kinds=dup"), clock);
        var got = new List<byte>();
        var buffer = new byte[256];
        for (var n = link.Read(buffer, TimeSpan.FromSeconds(1)); n > 0; n = link.Read(buffer, TimeSpan.FromSeconds(1))) got.AddRange(buffer.AsSpan(0, n).ToArray());
        Assert.Equal(data.SelectMany(b => new[] { b, b }), got);
        Assert.Equal(4000, link.Injected.ToHost.Duplicated);
        Assert.Equal(0, link.Injected.ToBoard.Bytes);
    }

    [Fact]
    public void A_stall_holds_bytes_both_ways_until_it_ends_then_lets_them_through_in_order()
    {
        var clock = new FakeTimeProvider();
        var line = new ClockedLine(clock);
        var link = new ChaosLink(line, LineFaults.Parse("stall=5s@30s"), clock);
        line.Arrive(TimeSpan.FromSeconds(32), [1, 2, 3]);
        clock.Advance(TimeSpan.FromSeconds(29));
        link.Write([9]);
        Assert.Equal(TimeSpan.FromSeconds(29), Assert.Single(line.Written).At);

        clock.Advance(TimeSpan.FromSeconds(2)); // 31 s: inside the stall
        link.Write([10, 11]);
        Assert.Single(line.Written);
        var buffer = new byte[16];
        // Bytes arrive from the board at 32 s but are held; nothing either way until 35 s.
        Assert.Equal(0, link.Read(buffer, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(34), line.Now);
        Assert.Single(line.Written);
        var n = link.Read(buffer, TimeSpan.FromSeconds(3));
        Assert.Equal(TimeSpan.FromSeconds(35), line.Now);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..n]);
        Assert.Equal(TimeSpan.FromSeconds(35), line.Written[1].At);
        Assert.Equal(new byte[] { 10, 11 }, line.Written[1].Bytes);
        Assert.Equal(1, link.Injected.Stalls);
    }

    [Fact]
    public void A_reset_sends_one_RESET_frame_toward_the_board_at_its_time_even_while_the_host_only_reads()
    {
        var clock = new FakeTimeProvider();
        var line = new ClockedLine(clock);
        var link = new ChaosLink(line, LineFaults.Parse("reset@60s"), clock);
        var buffer = new byte[16];
        clock.Advance(TimeSpan.FromSeconds(59));
        link.Write([5]);
        Assert.Equal(0, link.Injected.Resets);
        // The host only waits for an answer: the reset still goes out on time, from inside the read.
        Assert.Equal(0, link.Read(buffer, TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(69), line.Now);
        Assert.Equal(1, link.Injected.Resets);
        var reset = line.Written.Single(w => w.At == TimeSpan.FromSeconds(60));
        Assert.Equal(0, reset.Bytes[0]);
        var frames = new List<Frame>();
        new FrameDecoder().Push(reset.Bytes, frames);
        Assert.Equal(MessageType.Reset, Assert.Single(frames).Type);
        link.Write([6]);
        Assert.Equal(1, link.Injected.Resets);
    }

    [Fact]
    public void A_delay_holds_each_direction_for_that_long()
    {
        var clock = new FakeTimeProvider();
        var line = new ClockedLine(clock);
        var link = new ChaosLink(line, LineFaults.Parse("delay=100ms"), clock);
        line.Arrive(TimeSpan.FromMilliseconds(10), [42]);
        link.Write([7]);
        Assert.Empty(line.Written);
        var buffer = new byte[4];
        Assert.Equal(1, link.Read(buffer, TimeSpan.FromSeconds(1)));
        Assert.Equal(42, buffer[0]);
        Assert.Equal(TimeSpan.FromMilliseconds(110), line.Now);
        Assert.Equal(TimeSpan.FromMilliseconds(100), line.Written[0].At);
        Assert.Equal(new byte[] { 7 }, line.Written[0].Bytes);
    }

    [Fact]
    public void Discard_drops_held_bytes_and_passes_on_to_the_line()
    {
        var clock = new FakeTimeProvider();
        var line = new ClockedLine(clock);
        var link = new ChaosLink(line, LineFaults.Parse("delay=1s"), clock);
        link.Write([1, 2]);
        link.Discard();
        Assert.Equal(0, link.Read(new byte[4], TimeSpan.FromSeconds(2)));
        Assert.Empty(line.Written);
        Assert.Equal(1, line.Discards);
    }
}
