namespace Rig.Runs.Link;

/// <summary>The board link failed in a way a resync and a retry of the clip may cure.</summary>
public abstract class BoardLinkException : Exception
{
    protected BoardLinkException(string message) : base(message) { }
    protected BoardLinkException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The board announced itself (HELLO) in the middle of a clip: it restarted.</summary>
public sealed class BoardResetException : BoardLinkException
{
    public BoardResetException(string message) : base(message) { }
    public BoardResetException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The board said nothing within the bounded wait. The message names the last thing it said.</summary>
public sealed class BoardSilentException : BoardLinkException
{
    public BoardSilentException(string message) : base(message) { }
    public BoardSilentException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The board's stream did not add up (missing columns, capture gaps, unexpected answers).</summary>
public sealed class BoardGarbledException : BoardLinkException
{
    public BoardGarbledException(string message) : base(message) { }
    public BoardGarbledException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The circuit broke (too many consecutive failed attempts) while playing a clip: names the clip, the retries and the counts.</summary>
public sealed class BoardLinkFailedException(string message, Exception inner) : BoardLinkException(message, inner);

/// <summary>The board refused a request (ERROR message). Not retried: the same request fails again.</summary>
public sealed class BoardRefusedException(string message) : Exception(message);

/// <summary>The board's frontend tables are not the golden model's: the run stops, naming both hashes and the fix.</summary>
public sealed class ConfigHashMismatchException(string message) : Exception(message);

/// <summary>The board runs another image than the one it was expected to (HELLO's build id): the run stops, naming both ids and the fix.</summary>
public sealed class WrongImageException(string message) : Exception(message);

internal static class BoardLinkExceptionContext
{
    /// <summary>The same kind of failure with <paramref name="message"/> (naming the clip, its retries and counts) in front of the original message.</summary>
    public static BoardLinkException WithContext(this Exception e, string message) => e switch
    {
        BoardResetException => new BoardResetException($"{message}: {e.Message}", e),
        BoardSilentException => new BoardSilentException($"{message}: {e.Message}", e),
        BoardGarbledException => new BoardGarbledException($"{message}: {e.Message}", e),
        _ => new BoardLinkFailedException($"{message}: {e.Message}", e),
    };
}
