namespace Rig.Core.Firmware;

/// <summary>
/// An exclusive lock on a build folder shared by every process and thread that builds it (several test projects
/// build firmware/build/host at once): the lock file is opened with FileShare.None, which .NET holds as an flock on
/// Unix, so a second opener fails until the first closes it. The wait is bounded and polled on the given clock.
/// </summary>
public sealed class BuildLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _file;

    private BuildLock(FileStream file) => _file = file;

    public static BuildLock Acquire(string lockFile, TimeSpan timeout, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var start = time.GetTimestamp();
        while (true)
        {
            try
            {
                return new BuildLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (time.GetElapsedTime(start) < timeout)
            {
                Task.Delay(Poll, time).GetAwaiter().GetResult();
            }
            catch (IOException e)
            {
                throw new TimeoutException($"{lockFile}: another build held the lock for more than {timeout.TotalMinutes:0.#} minutes", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
