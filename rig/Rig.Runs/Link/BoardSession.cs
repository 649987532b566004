using Polly;
using Rig.Core.Seams;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Clips;

namespace Rig.Runs.Link;

/// <summary>
/// One board over one serial link: handshake (HELLO, config hash check), then clips. Each clip runs
/// inside the <see cref="LinkResilience"/> pipeline; before a retry the link is resynchronised
/// (buffers dropped, HELLO asked for again), and each retry is logged and counted.
/// </summary>
public sealed class BoardSession : IDisposable
{
    private readonly BoardLink _link;
    private readonly SessionOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly List<string> _retryLog = [];
    private readonly uint _expectedHash;
    private readonly string _profile;
    private readonly TimeProvider _time;
    private string _clip = "";
    // The request Next is waiting on (named by what it waits for), since when, and what had come before it.
    private string? _waitingFor;
    private long _requestStart;
    private LinkTally _requestTally = null!;
    private long? _pollStreakStart;
    private int _clipRetries;
    private int _pings;

    private Hello _hello = null!;

    public string BoardId { get; }
    /// <summary>The board's last HELLO; the link speaks its protocol version from then on.</summary>
    public Hello Hello
    {
        get => _hello;
        private set
        {
            _hello = value;
            _link.UseVersion(value.ProtocolVersion);
        }
    }
    public BoardLink Link => _link;
    public IReadOnlyList<string> RetryLog => _retryLog;
    public int Retries => _retryLog.Count;
    /// <summary>Frame-level recovery so far (PROTOCOL.md, frame recovery): frames and requests sent again, windows replayed, clips that needed it.</summary>
    public LinkRecovery Recovery { get; } = new();
    internal SessionOptions Options => _options;
    /// <summary>The per-frame wait of frame recovery; it learns this link's latency over the session.</summary>
    internal FrameWait FrameWait { get; }

    public BoardSession(string boardId, ISerialLink serial, string profile, uint expectedConfigHash, SessionOptions options, TimeProvider time)
    {
        BoardId = boardId;
        _profile = profile;
        _expectedHash = expectedConfigHash;
        _options = options.Validated();
        _time = time;
        _link = new BoardLink(serial, time);
        _pipeline = LinkResilience.Create(_options, time, OnRetry);
        FrameWait = new FrameWait(this, time);
    }

    /// <summary>
    /// Checks the HELLO of a board that restarted during the run (a resync after a reset): it must still run the image the
    /// run began with (the build id, `rig run`'s image check), else this throws and the run stops. Null: not checked.
    /// </summary>
    public Action<Hello>? CheckAfterRestart { get; set; }

    /// <summary>Asks for HELLO (retried), checks the frontend config hash against the golden model's.</summary>
    public Hello Connect()
    {
        _clip = "(handshake)";
        Hello = _pipeline.Execute(() => RequestHello());
        CheckConfigHash();
        return Hello;
    }

    private void CheckConfigHash()
    {
        if (Hello.ConfigHash != _expectedHash)
            throw new ConfigHashMismatchException(
                $"board {BoardId} ({Hello.BoardName}) runs frontend tables with config hash 0x{Hello.ConfigHash:X8}, " +
                $"but the golden model of profile {_profile} has 0x{_expectedHash:X8}. Regenerate the tables with " +
                $"`rig tables --profile {_profile}` and rebuild (the virtual board rebuilds itself) or reflash the board.");
    }

    /// <summary>Inject mode: sends the samples as AUDIO chunks under credit flow control and collects columns and results.</summary>
    /// <param name="stages">Debug mode: the board also streams every frontend stage of every column (slow; for locating a divergence).</param>
    public ClipCapture PlayInject(string clipName, short[] samples, int windowColumns, int windowHopColumns, bool stages = false) =>
        Run(clipName, () => new ClipExchange(this, BoardMode.Inject, windowColumns, windowHopColumns, stages).Inject(samples));

    /// <summary>Debug: the board's model layers for window <paramref name="window"/> (LAYER frames), from that window's audio up to <paramref name="endSample"/>.</summary>
    public ClipCapture PlayLayerDump(string clipName, short[] samples, int windowColumns, int windowHopColumns, int window, int endSample) =>
        Run(clipName, () => new ClipExchange(this, BoardMode.Inject, windowColumns, windowHopColumns).InjectLayers(samples, window, endSample));

    /// <summary>
    /// Acoustic mode: starts the board's microphone, lets <paramref name="play"/> sound the clip, and
    /// collects what the board captured (CAPTURE) until <paramref name="expectedSamples"/> have come.
    /// </summary>
    public ClipCapture PlayAcoustic(string clipName, int expectedSamples, Action play, int windowColumns, int windowHopColumns) =>
        Run(clipName, () => new ClipExchange(this, BoardMode.Acoustic, windowColumns, windowHopColumns).Acoustic(expectedSamples, play));

    private ClipCapture Run(string clipName, Func<ClipCapture> attempt)
    {
        _clip = clipName;
        _clipRetries = 0;
        var firstLog = _retryLog.Count;
        var before = Recovery.Snapshot();
        ClipCapture capture;
        try
        {
            capture = _pipeline.Execute(() =>
            {
                _waitingFor = null;
                if (_clipRetries > 0) Resynchronise();
                return attempt();
            });
        }
        catch (Exception e) when (e is BoardLinkException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            Recovery.FailedClips++;
            throw e.WithContext(
                $"board {BoardId} on {_link.Name}: clip {clipName} failed after {_clipRetries} whole-clip retries " +
                $"({Recovery.Since(before)}; link: {_link.Counters})");
        }
        var recovered = Recovery.Since(before);
        if (_clipRetries > 0 || recovered.Any) Recovery.RecoveredClips++;
        return capture with { Retries = _clipRetries, RetryLog = _retryLog.Skip(firstLog).ToArray(), Recovery = recovered };
    }

    private void OnRetry(int attempt, Exception e)
    {
        _clipRetries++;
        _retryLog.Add($"board {BoardId}, clip {_clip}: retry {attempt} after {e.GetType().Name}: {e.Message}");
    }

    /// <summary>
    /// Drops whatever is in flight and waits for a fresh HELLO (the board may just have restarted): a board that came back
    /// on other tables or another image (reflashed meanwhile) stops the run; it is not retried.
    /// </summary>
    private void Resynchronise()
    {
        _link.Resync();
        Hello = RequestHello();
        CheckConfigHash();
        CheckAfterRestart?.Invoke(Hello);
    }

    /// <summary>
    /// Asks for HELLO, then pings with a fresh token and reads up to the matching PONG: whatever the
    /// board had queued before (a boot HELLO, stale columns) is consumed here, so the next clip
    /// starts on a clean stream. The last HELLO seen wins. The whole exchange has one deadline
    /// (HelloTimeout), so a board that keeps sending other frames cannot hold the handshake open.
    /// </summary>
    private Hello RequestHello()
    {
        _waitingFor = null;
        var before = _link.Tally();
        var start = _time.GetTimestamp();
        var token = AskHello();
        Hello? hello = null;
        // A HELLO lost on the line (a board that was still restarting, bytes mangled behind a reset) costs one
        // more ask within the same deadline, not the attempt: the PONG that overtook it says the board listens.
        for (var asks = 1; ; )
        {
            var left = _options.HelloTimeout - _time.GetElapsedTime(start);
            var m = left > TimeSpan.Zero ? _link.Receive(left) : null;
            if (m is null)
            {
                var came = _link.Tally().Since(before);
                var what = hello is null ? "a HELLO request" : "the PING after a HELLO request";
                throw new BoardSilentException(
                    $"board {BoardId} on {_link.Name} did not answer {what} within {Seconds(_options.HelloTimeout)} s (serial.timeouts.hello_seconds); " +
                    $"sent HELLO request and PING {token}; came back: {came}; last thing it said: {_link.LastSaid}; {came.Advice(_link.Baud)}");
            }
            if (m is Hello h) hello = h;
            if (m is not Pong p || p.Token != token) continue;
            if (hello is not null) return hello;
            if (asks++ == MaxHelloAsks)
                throw new BoardGarbledException($"board {BoardId} on {_link.Name} answered {MaxHelloAsks} pings but none of the HELLO requests before them (came back: {_link.Tally().Since(before)})");
            token = AskHello();
        }
    }

    private const int MaxHelloAsks = 3;

    /// <summary>Sends HELLO_REQ and a PING with a fresh token (returned): the PONG marks where the HELLO should have come.</summary>
    private uint AskHello()
    {
        // From the session's clock: on an emulated board that is emulated time, so two runs send the same bytes.
        var token = (uint)_time.GetTimestamp() ^ (uint)(++_pings << 20);
        _link.Send(MessageType.HelloRequest);
        _link.Send(MessageType.Ping, HostMessages.Ping(token));
        return token;
    }

    /// <summary>
    /// A message that has already arrived, or null (never waits). A board that never lets the poll
    /// come up empty for RequestTimeout is flooding the host and stops the clip.
    /// </summary>
    internal BoardMessage? Poll()
    {
        var m = _link.Receive(TimeSpan.Zero);
        if (m is null)
        {
            _pollStreakStart = null;
            return null;
        }
        _pollStreakStart ??= _time.GetTimestamp();
        if (_time.GetElapsedTime(_pollStreakStart.Value) > _options.RequestTimeout)
        {
            _pollStreakStart = null;
            throw new BoardGarbledException($"board {BoardId} on {_link.Name} sent without pause for {Seconds(_options.RequestTimeout)} s (serial.timeouts.request_seconds) while streaming audio; last thing it said: {_link.LastSaid} (came back in all: {_link.Tally()})");
        }
        return Check(m, "streaming audio");
    }

    /// <summary>The next message within <paramref name="wait"/> (a per-frame timeout), or null: the caller resends.</summary>
    internal BoardMessage? Within(TimeSpan wait, string waitingFor)
    {
        var m = _link.Receive(wait);
        return m is null ? null : Check(m, waitingFor);
    }

    /// <summary>
    /// The next message while <paramref name="waitingFor"/>. Calls with the same text are one request:
    /// besides each silence (SilenceTimeout) the request as a whole has a deadline (RequestTimeout),
    /// so a board that keeps sending other messages but never the answer cannot hold it open.
    /// </summary>
    internal BoardMessage Next(string waitingFor)
    {
        if (waitingFor != _waitingFor)
        {
            _waitingFor = waitingFor;
            _requestStart = _time.GetTimestamp();
            _requestTally = _link.Tally();
        }
        var requestLeft = _options.RequestTimeout - _time.GetElapsedTime(_requestStart);
        var wait = requestLeft < _options.SilenceTimeout ? requestLeft : _options.SilenceTimeout;
        var m = wait > TimeSpan.Zero ? _link.Receive(wait) : null;
        if (m is null)
        {
            var came = _link.Tally().Since(_requestTally);
            _waitingFor = null;
            if (_time.GetElapsedTime(_requestStart) >= _options.RequestTimeout && came.Bytes > 0)
                throw new BoardGarbledException(
                    $"board {BoardId} on {_link.Name} kept talking but did not finish {waitingFor} within {Seconds(_options.RequestTimeout)} s (serial.timeouts.request_seconds); " +
                    $"came back meanwhile: {came}; last thing it said: {_link.LastSaid}; {came.Advice(_link.Baud)}");
            throw new BoardSilentException(
                $"board {BoardId} on {_link.Name} went silent for {Seconds(wait)} s while {waitingFor}; last thing it said: {_link.LastSaid} " +
                $"(came back during this request: {came}; in all: {_link.Tally()})");
        }
        return Check(m, waitingFor);
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private const byte NotRunningError = 6;

    private BoardMessage Check(BoardMessage m, string waitingFor)
    {
        if (m is Hello h)
            throw new BoardResetException($"board {BoardId} restarted ({BoardLink.Describe(h)}) while {waitingFor}");
        // "Not running" (PROTOCOL.md error 6) answers a frame of a stream the board no longer has: it restarted
        // (reset, watchdog, a RESET on a noisy line) and its HELLO may not have come across. The link's fault, retried.
        if (m is BoardError { Code: NotRunningError } stale)
            throw new BoardResetException($"board {BoardId} is no longer running the clip (error {stale.Code} \"{stale.Text}\") while {waitingFor}: it restarted");
        if (m is BoardError e)
            throw new BoardRefusedException($"board {BoardId} refused a request while {waitingFor}: error {e.Code} \"{e.Text}\"");
        return m;
    }

    public void Dispose() => _link.Dispose();
}
