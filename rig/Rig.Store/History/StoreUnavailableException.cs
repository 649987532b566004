namespace Rig.Store.History;

/// <summary>The history store cannot be reached now (server down or restarting); the same call may succeed later.</summary>
public sealed class StoreUnavailableException : IOException
{
    public StoreUnavailableException(string message, Exception inner) : base(message, inner) { }
}
