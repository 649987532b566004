namespace Rig.Runs.Link;

/// <summary>Bounded waits and retry limits of a board session (validated once, at the edge).</summary>
public sealed record SessionOptions
{
    /// <summary>Longest the board may stay silent while it owes us something (a credit, an answer).</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Whole handshake: HELLO request to answer, however much else the board sends meanwhile.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Longest one request may go unanswered while the board keeps sending other things (a chattering device).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Retries of one clip after a reset, silence or garbled stream (each one logged and counted).</summary>
    public int MaxRetries { get; init; } = 3;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);
    /// <summary>Consecutive failed attempts (across clips) that open the circuit: the run stops instead of hammering a dead board.</summary>
    public int BreakAfterFailures { get; init; } = 6;

    /// <summary>The profile's serial.timeouts (validated when the profile was read), other settings as default.</summary>
    public static SessionOptions From(Rig.Core.Profiles.SerialTimeouts t) => new()
    {
        HelloTimeout = TimeSpan.FromSeconds(t.HelloSeconds),
        SilenceTimeout = TimeSpan.FromSeconds(t.SilenceSeconds),
        RequestTimeout = TimeSpan.FromSeconds(t.RequestSeconds),
    };

    public SessionOptions Validated()
    {
        if (SilenceTimeout <= TimeSpan.Zero || HelloTimeout <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero) throw new ArgumentException("timeouts must be positive");
        if (MaxRetries is < 0 or > 20) throw new ArgumentException($"max retries {MaxRetries} is outside 0..20");
        if (RetryDelay < TimeSpan.Zero) throw new ArgumentException("retry delay must not be negative");
        if (BreakAfterFailures < 2) throw new ArgumentException("the circuit needs at least 2 failures to break");
        return this;
    }
}
