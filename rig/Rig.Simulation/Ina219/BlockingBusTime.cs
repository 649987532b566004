using System.Runtime.InteropServices;

namespace Rig.Simulation.Ina219;

/// <summary>
/// For a virtual INA219 on the host's real clock: each transfer blocks the calling thread for its bus time, as a
/// read or write on /dev/i2c-N does (the kernel sleeps the caller while the controller clocks the bits). A
/// sampler polling CNVR then sleeps between polls like on a real rig host instead of spinning a core, which
/// matters when the native board's burst needs that core. Linux nanosleep: sub-millisecond, unlike timers.
/// </summary>
public static class BlockingBusTime
{
    public static void Hold(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return;
        var ns = span.Ticks * 100;
        var request = new TimeSpec { Seconds = ns / 1_000_000_000, Nanoseconds = ns % 1_000_000_000 };
        while (NanoSleep(ref request, out var left) != 0 && Marshal.GetLastPInvokeError() == 4 /* EINTR */) request = left;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static extern int NanoSleep(ref TimeSpec request, out TimeSpec remaining);
}
