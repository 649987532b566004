using System.Globalization;
using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>
/// serial.timeouts: the host's bounded waits on a board, in seconds. <paramref name="HelloSeconds"/>
/// is the whole handshake (HELLO request to answer), however much else the board sends meanwhile;
/// <paramref name="SilenceSeconds"/> the longest the board may stay quiet while it owes an answer;
/// <paramref name="RequestSeconds"/> the longest one request may stay unanswered while the board
/// keeps sending other things (a chattering device).
/// </summary>
public sealed record SerialTimeouts(double HelloSeconds = 2, double SilenceSeconds = 3, double RequestSeconds = 10)
{
    public static SerialTimeouts Read(YamlMap m)
    {
        m.RejectUnknown("hello_seconds", "silence_seconds", "request_seconds");
        var defaults = new SerialTimeouts();
        var t = new SerialTimeouts(
            m.Double("hello_seconds", defaults.HelloSeconds, min: 0.05, max: 120),
            m.Double("silence_seconds", defaults.SilenceSeconds, min: 0.05, max: 120),
            m.Double("request_seconds", defaults.RequestSeconds, min: 0.05, max: 600));
        if (t.RequestSeconds < t.SilenceSeconds)
            m.Error("request_seconds", string.Create(CultureInfo.InvariantCulture,
                $"{t.RequestSeconds} is shorter than silence_seconds ({t.SilenceSeconds}): a request must be allowed at least one silence"));
        return t;
    }
}
