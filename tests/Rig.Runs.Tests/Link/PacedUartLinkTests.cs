using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Hardware.Serial;
using Rig.Runs.Link;
using Rig.Simulation.Board;

namespace Rig.Runs.Tests.Link;

/// <summary>The native board paced like a profile's UART (firmware/boards/native/uart_wire.h).</summary>
public class PacedUartLinkTests
{
    private static (VirtualBoard Board, BoardSession Session) Open(string profile, UartPacing? uart)
    {
        var p = ProfileCatalog.Load(profile);
        var board = VirtualBoard.Start(new VirtualBoardOptions(profile, Uart: uart));
        var link = new SerialPortLink(board.PtyPath, p.Serial.Baud, TimeSpan.FromSeconds(5));
        return (board, new BoardSession("virtual-0", link, profile, new Q15Frontend(p.Frontend).ConfigHash, new SessionOptions(), TimeProvider.System));
    }

    private static UartPacing PacingOf(string profile) => ProfileCatalog.Load(profile).Serial is var s ? new UartPacing(s.Baud, s.RxBufferBytes) : null!;

    /// <summary>Bytes an AUDIO frame with this payload takes in the ring: header, CRC, COBS code, delimiter.</summary>
    private static int EncodedFrame(int payload) => payload + 6 + (payload + 6 >= 254 ? 1 : 0) + 1 + 1;

    [Theory]
    [InlineData("py32f003")]
    [InlineData("rp2040")]
    [InlineData("stm32l4")]
    public void A_paced_board_announces_what_the_profiles_ring_holds(string profile)
    {
        var uart = PacingOf(profile);
        var (board, session) = Open(profile, uart);
        using var _ = board;
        using var __ = session;
        var hello = session.Connect();
        var capacity = uart.RxBufferBytes - 1; // a byte ring keeps one slot free
        var hop = Math.Min(2 * hello.Hop, 248);
        Assert.True(hello.MaxAudioPayload % 2 == 0 && hello.MaxAudioPayload <= hop);
        // The largest payload of which three frames fit the ring (or the whole hop when that fits).
        Assert.True(3 * EncodedFrame(hello.MaxAudioPayload) <= capacity, $"payload {hello.MaxAudioPayload}");
        Assert.True(hello.MaxAudioPayload == hop || 3 * EncodedFrame(hello.MaxAudioPayload + 2) > capacity, $"payload {hello.MaxAudioPayload} could be larger");
        // As many credits as whole frames fit, never more than the native build's 16.
        Assert.True(hello.Credits * EncodedFrame(hello.MaxAudioPayload) <= capacity);
        Assert.True(hello.Credits == 16 || (hello.Credits + 1) * EncodedFrame(hello.MaxAudioPayload) > capacity, $"{hello.Credits} credits");
    }
}
