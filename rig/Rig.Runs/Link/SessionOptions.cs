namespace Rig.Runs.Link;

/// <summary>Bounded waits and retry limits of a board session (validated once, at the edge).</summary>
public sealed record SessionOptions
{
    /// <summary>Longest the board may stay silent while it owes us something (a credit, an answer).</summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Wait for a HELLO after asking for one.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Retries of one clip after a reset, silence or garbled stream (each one logged and counted).</summary>
    public int MaxRetries { get; init; } = 3;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);
    /// <summary>Consecutive failed attempts (across clips) that open the circuit: the run stops instead of hammering a dead board.</summary>
    public int BreakAfterFailures { get; init; } = 6;

    public SessionOptions Validated()
    {
        if (SilenceTimeout <= TimeSpan.Zero || HelloTimeout <= TimeSpan.Zero) throw new ArgumentException("timeouts must be positive");
        if (MaxRetries is < 0 or > 20) throw new ArgumentException($"max retries {MaxRetries} is outside 0..20");
        if (RetryDelay < TimeSpan.Zero) throw new ArgumentException("retry delay must not be negative");
        if (BreakAfterFailures < 2) throw new ArgumentException("the circuit needs at least 2 failures to break");
        return this;
    }
}
