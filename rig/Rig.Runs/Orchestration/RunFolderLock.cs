namespace Rig.Runs.Orchestration;

/// <summary>
/// A run folder belongs to the one `rig run` writing it: an exclusive OS lock (flock) on
/// &lt;out&gt;/.rig-run.lock, held for the whole run and released by the kernel when the process ends, however it
/// ends. A second run into the same folder is refused naming the holder (written next to the lock), instead of
/// both writing and one silently overwriting the other.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    public const string LockFileName = ".rig-run.lock";
    public const string OwnerFileName = ".rig-run.owner";

    private readonly FileStream _lock;
    private readonly string _owner;

    private RunFolderLock(FileStream held, string owner)
    {
        _lock = held;
        _owner = owner;
    }

    /// <summary>Takes the folder (creating it), or throws <see cref="RunFolderLockedException"/> when another process holds it.</summary>
    public static RunFolderLock Acquire(string dir, string holder)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, LockFileName);
        var owner = Path.Combine(dir, OwnerFileName);
        FileStream held;
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Linux: it fails at once while another process holds it.
            held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            var who = File.Exists(owner) ? ReadOwner(owner) : "another process";
            throw new RunFolderLockedException($"{Path.GetFullPath(dir)}: being written by another rig run ({who}); wait for it to end or choose another --out");
        }
        File.WriteAllText(owner, holder + Environment.NewLine);
        return new RunFolderLock(held, owner);
    }

    private static string ReadOwner(string owner)
    {
        try
        {
            return File.ReadAllText(owner).Trim();
        }
        catch (IOException)
        {
            return "another process";
        }
    }

    /// <summary>
    /// After a start that stored nothing (no board answered): removes the lock's files while still holding the
    /// lock, so no other run can take the folder in between, then releases it. The caller removes the folder.
    /// </summary>
    public void Abandon()
    {
        File.Delete(_lock.Name);
        Dispose();
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_owner);
        }
        catch (IOException)
        {
            // the owner note is advice only; the lock itself goes with the handle
        }
        _lock.Dispose();
    }
}

/// <summary>Another process is writing the run folder.</summary>
public sealed class RunFolderLockedException(string message) : IOException(message);
