using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Hardware.Serial;
using Rig.Hardware.Serial.Locks;
using Rig.Protocol.Messages;

namespace Rig.Runs.Link;

/// <summary>
/// Asks a board on a serial port who it is: the run's handshake (board lock, HELLO, config hash check) bounded by the
/// profile's serial.timeouts, without starting a run. `rig flash --board serial:&lt;port&gt;` checks the flashed image with it.
/// </summary>
public static class BoardHello
{
    public static Hello Ask(string port, BoardProfile profile, BoardLockDirectory? locks, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var waits = SessionOptions.From(profile.Serial.Timeouts);
        var held = BoardLock.Acquire(port, locks ?? BoardLockDirectory.Resolve(null));
        var link = new SerialPortLink(port, profile.Serial.Baud, waits.SilenceTimeout, held);
        using var session = new BoardSession("serial:" + port, link, profile.Name, new Q15Frontend(profile.Frontend).ConfigHash, waits, time);
        return session.Connect();
    }
}
