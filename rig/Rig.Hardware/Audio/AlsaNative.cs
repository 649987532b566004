using System.Runtime.InteropServices;

namespace Rig.Hardware.Audio;

/// <summary>
/// The few libasound calls the rig needs (ALSA library reference, PCM interface). Types follow
/// alsa/pcm.h on LP64 Linux: snd_pcm_sframes_t is long, snd_pcm_uframes_t is unsigned long.
/// </summary>
internal static class AlsaNative
{
    private const string Lib = "libasound.so.2";

    public const int StreamPlayback = 0;        // SND_PCM_STREAM_PLAYBACK
    public const int ModeNonBlock = 1;          // SND_PCM_NONBLOCK
    public const int FormatS16Le = 2;           // SND_PCM_FORMAT_S16_LE
    public const int AccessRwInterleaved = 3;   // SND_PCM_ACCESS_RW_INTERLEAVED
    public const int EAgain = 11;

    public enum PcmState
    {
        Open = 0, Setup = 1, Prepared = 2, Running = 3, Xrun = 4, Draining = 5, Paused = 6, Suspended = 7, Disconnected = 8,
    }

    [DllImport(Lib)] public static extern int snd_pcm_open(out IntPtr pcm, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int stream, int mode);
    [DllImport(Lib)] public static extern int snd_pcm_set_params(IntPtr pcm, int format, int access, uint channels, uint rate, int softResample, uint latencyUs);
    [DllImport(Lib)] public static extern nint snd_pcm_writei(IntPtr pcm, short[] buffer, nuint frames);
    [DllImport(Lib)] public static extern int snd_pcm_recover(IntPtr pcm, int err, int silent);
    [DllImport(Lib)] public static extern int snd_pcm_prepare(IntPtr pcm);
    [DllImport(Lib)] public static extern int snd_pcm_drain(IntPtr pcm);
    [DllImport(Lib)] public static extern int snd_pcm_drop(IntPtr pcm);
    [DllImport(Lib)] public static extern int snd_pcm_close(IntPtr pcm);
    [DllImport(Lib)] public static extern int snd_pcm_wait(IntPtr pcm, int timeoutMs);
    [DllImport(Lib)] public static extern PcmState snd_pcm_state(IntPtr pcm);
    [DllImport(Lib)] private static extern IntPtr snd_strerror(int errnum);

    public static string Error(int code) => $"{Marshal.PtrToStringUTF8(snd_strerror(code)) ?? "unknown error"} ({code})";
}
