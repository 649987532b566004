namespace Rig.Hardware.Tests.Serial;

/// <summary>One spinning thread per core for as long as it is not disposed: the busy CI host.</summary>
public sealed class CpuLoad : IDisposable
{
    private readonly Thread[] _threads;
    private volatile bool _stop;

    public CpuLoad(int threads)
    {
        _threads = Enumerable.Range(0, threads).Select(i => new Thread(Spin) { IsBackground = true, Name = $"cpu load {i}" }).ToArray();
        foreach (var t in _threads) t.Start();
    }

    private void Spin()
    {
        ulong x = 1;
        while (!_stop)
            for (var i = 0; i < 10_000; i++) x = x * 6364136223846793005UL + 1442695040888963407UL;
        GC.KeepAlive(x);
    }

    public void Dispose()
    {
        _stop = true;
        foreach (var t in _threads) t.Join();
    }
}
