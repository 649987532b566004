using Rig.Core.Profiles;
using Rig.Dsp.Frontend;
using Rig.Hardware.Serial;
using Rig.Runs.Link;
using Rig.Simulation.Board;

namespace Rig.Runs.Tests.Power;

/// <summary>A native virtual board with its power line, on a real pty, with a connected session.</summary>
internal sealed class EnergyBoard : IDisposable
{
    public VirtualBoard Board { get; }
    public BoardSession Session { get; }
    public BoardProfile Profile { get; }
    public SessionOptions Options { get; } = new();

    public EnergyBoard(string profile, bool asProtocolV1 = false)
    {
        Profile = ProfileCatalog.Load(profile);
        Board = VirtualBoard.Start(new VirtualBoardOptions(profile, PowerLine: true));
        var serial = new SerialPortLink(Board.PtyPath, Profile.Serial.Baud, TimeSpan.FromSeconds(5));
        Session = new BoardSession("virtual-0", asProtocolV1 ? new ProtocolV1Link(serial) : serial, profile,
            new Q15Frontend(Profile.Frontend).ConfigHash, Options, TimeProvider.System);
        Session.Connect();
    }

    /// <summary>Exactly one model window of audio: frame + (W - 1) hops.</summary>
    public short[] OneWindow(uint seed = 11)
    {
        var n = Profile.Frontend.FftLength + (Profile.Classifier.WindowColumns - 1) * Profile.Frontend.Hop;
        var x = new short[n];
        for (var i = 0; i < n; i++)
        {
            seed = seed * 1664525 + 1013904223;
            x[i] = (short)((int)(seed >> 16) - 32768 >> 2);
        }
        return x;
    }

    public void Dispose()
    {
        Session.Dispose();
        Board.Dispose();
    }
}
