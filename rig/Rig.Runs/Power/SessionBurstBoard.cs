using Rig.Core.Seams;
using Rig.Core.Runs;
using Rig.Hardware.Power;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;

namespace Rig.Runs.Power;

/// <summary>
/// BURST, IDLE and PING over a board's serial session (protocol v2). Answers are awaited for the longest window
/// the plan allows plus the session's silence limit (a board on host time gets <see cref="HostTimeStretch"/> x the
/// window: its budget counts its CPU time, and a busy host stretches that on the wall clock); a HELLO (the board
/// restarted) or an ERROR ends the wait with the session's exceptions, which the caller turns into "not measured".
/// </summary>
public sealed class SessionBurstBoard(BoardSession session, double windowLimitSeconds, TimeSpan silence, TimeProvider time, bool emulated = false) : IBurstBoard
{
    private uint _token = 0x5E00_0000;

    /// <summary>How much longer than its CPU time a host-timed board's window may take on the wall clock.</summary>
    public const double HostTimeStretch = 10;

    public string Name => $"board {session.BoardId}";
    public double CyclesHz => session.Hello.CyclesHz;
    public MeasurementClock Clock => MeasurementClocks.Of(session.Hello.McuCycles, emulated);
    public bool CanIdle => session.Hello.Supports(BoardCapabilities.Idle);

    public BurstDone Burst(BurstFlags flags, int inferences, uint cycleBudget, IWindowMarks marks) =>
        Exchange(MessageType.Burst, HostMessages.Burst(flags, inferences, cycleBudget), marks, $"a BURST of {inferences}");

    public BurstDone Idle(uint ticks, IWindowMarks marks) =>
        Exchange(MessageType.Idle, HostMessages.Idle(ticks), marks, $"an IDLE of {ticks} ticks");

    public TimeSpan RoundTrip()
    {
        var token = ++_token;
        var start = time.GetTimestamp();
        session.Link.Send(MessageType.Ping, HostMessages.Ping(token));
        while (true)
        {
            if (Await("a PONG", silence, start) is Pong p && p.Token == token) return time.GetElapsedTime(start);
        }
    }

    private BurstDone Exchange(MessageType type, byte[] payload, IWindowMarks marks, string what)
    {
        session.Link.Send(type, payload);
        marks.Start();
        var start = time.GetTimestamp();
        var limit = TimeSpan.FromSeconds(windowLimitSeconds * (Clock == MeasurementClock.Host ? HostTimeStretch : 1)) + silence;
        while (true)
        {
            if (Await($"the answer to {what}", limit, start) is BurstDone done && done.Request == type)
            {
                marks.Stop();
                return done;
            }
        }
    }

    private BoardMessage Await(string what, TimeSpan limit, long start)
    {
        var left = limit - time.GetElapsedTime(start);
        var m = left > TimeSpan.Zero ? session.Link.Receive(left) : null;
        return m switch
        {
            null => throw new BoardSilentException($"{Name} on {session.Link.Name} did not send {what} within {limit.TotalSeconds:0.###} s; last thing it said: {session.Link.LastSaid}"),
            Hello h => throw new BoardResetException($"{Name} restarted ({BoardLink.Describe(h)}) while the rig waited for {what}"),
            BoardError e => throw new BoardRefusedException($"{Name} refused {what}: error {e.Code} \"{e.Text}\""),
            _ => m,
        };
    }
}
