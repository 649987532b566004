using Microsoft.Extensions.Time.Testing;
using Rig.Core.Seams;
using Rig.Protocol.Framing;
using Rig.Runs.Link;

namespace Rig.Runs.Tests.Link;

public class BoardLinkTimeoutTests
{
    /// <summary>A link whose reads wait on a fake clock: the line is quiet after its scripted bytes.</summary>
    private sealed class QuietLine(FakeTimeProvider clock, byte[] script) : ISerialLink
    {
        private int _at;
        public string Name => "quiet";
        public int Baud => 115200;
        public void Write(ReadOnlySpan<byte> data) { }
        public int Read(Span<byte> buffer, TimeSpan timeout)
        {
            if (_at < script.Length)
            {
                var n = Math.Min(buffer.Length, script.Length - _at);
                script.AsSpan(_at, n).CopyTo(buffer);
                _at += n;
                return n;
            }
            clock.Advance(timeout);
            return 0;
        }
        public void Discard() { }
        public void Dispose() { }
    }

    [Fact]
    public void Receive_gives_up_after_the_timeout_on_the_injected_clock_and_remembers_the_last_message()
    {
        var clock = new FakeTimeProvider();
        var script = FrameFormat.Encode(MessageType.Log, 0, "booting"u8).Concat(new byte[] { 1, 2, 3, 0 }).ToArray();
        using var link = new BoardLink(new QuietLine(clock, script), clock);
        Assert.NotNull(link.Receive(TimeSpan.FromSeconds(3)));
        var before = clock.GetUtcNow();
        Assert.Null(link.Receive(TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromSeconds(3), clock.GetUtcNow() - before);
        Assert.Equal("LOG \"booting\"", link.LastSaid);
        Assert.Equal(1, link.Counters.MalformedFrames);
    }
}
