using Rig.Audio;
using Rig.Core.Seams;

namespace Rig.Hardware.Audio;

/// <summary>
/// Plays mono clips on an ALSA PCM (a speaker, or any ALSA device name such as
/// <c>file:FILE=/tmp/out.raw,FORMAT=raw</c>) as S16_LE, converting with <see cref="Q15Samples"/>.
/// The PCM is opened non-blocking so that every wait is bounded: a device that takes no samples
/// for <see cref="StallTimeout"/>, or does not finish draining in time, raises TimeoutException
/// instead of hanging the run. Underruns are recovered (snd_pcm_recover) and counted.
/// </summary>
public sealed class AlsaOutput : IAudioOutput
{
    private const int ChunkFrames = 4096;
    private const int PollMs = 50;
    private readonly TimeProvider _time;
    private readonly short[] _chunk = new short[ChunkFrames];
    private IntPtr _pcm;

    public AlsaOutput(string device, int sampleRate, TimeProvider? time = null, TimeSpan? stallTimeout = null, int latencyMs = 100)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(latencyMs, 1);
        _time = time ?? TimeProvider.System;
        Name = device;
        SampleRate = sampleRate;
        StallTimeout = stallTimeout ?? TimeSpan.FromSeconds(2);
        Latency = TimeSpan.FromMilliseconds(latencyMs);

        var rc = AlsaNative.snd_pcm_open(out _pcm, device, AlsaNative.StreamPlayback, AlsaNative.ModeNonBlock);
        if (rc < 0) throw new AlsaException($"ALSA device '{device}': cannot open for playback: {AlsaNative.Error(rc)}");
        rc = AlsaNative.snd_pcm_set_params(_pcm, AlsaNative.FormatS16Le, AlsaNative.AccessRwInterleaved, 1, (uint)sampleRate, 1, (uint)(latencyMs * 1000));
        if (rc < 0)
        {
            _ = AlsaNative.snd_pcm_close(_pcm);
            _pcm = IntPtr.Zero;
            throw new AlsaException($"ALSA device '{device}': cannot set S16_LE mono {sampleRate} Hz: {AlsaNative.Error(rc)}");
        }
    }

    public string Name { get; }
    public int SampleRate { get; }
    public TimeSpan StallTimeout { get; }
    public TimeSpan Latency { get; }

    /// <summary>How many underruns or suspends were recovered from while playing.</summary>
    public int Recoveries { get; private set; }

    public void Play(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_pcm == IntPtr.Zero, this);
        if (AlsaNative.snd_pcm_state(_pcm) == AlsaNative.PcmState.Setup) Check(AlsaNative.snd_pcm_prepare(_pcm), "prepare");
        var offset = 0;
        var lastProgress = _time.GetTimestamp();
        while (offset < samples.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(ChunkFrames, samples.Length - offset);
            for (var i = 0; i < n; i++) _chunk[i] = Q15Samples.FromFloat(samples[offset + i]);
            var written = (int)AlsaNative.snd_pcm_writei(_pcm, _chunk, (nuint)n);
            if (written > 0)
            {
                offset += written;
                lastProgress = _time.GetTimestamp();
                continue;
            }
            if (written == -AlsaNative.EAgain || written == 0)
            {
                if (_time.GetElapsedTime(lastProgress) > StallTimeout)
                    throw new TimeoutException($"ALSA device '{Name}' accepted no samples for {StallTimeout.TotalSeconds:0.#} s");
                _ = AlsaNative.snd_pcm_wait(_pcm, PollMs);
                continue;
            }
            var rc = AlsaNative.snd_pcm_recover(_pcm, written, 1);
            if (rc < 0) throw new AlsaException($"ALSA device '{Name}': write failed: {AlsaNative.Error(written)}");
            Recoveries++;
        }
    }

    /// <summary>
    /// Waits until the device has played everything, at most the latency plus <see cref="StallTimeout"/>.
    /// </summary>
    public void Drain()
    {
        ObjectDisposedException.ThrowIf(_pcm == IntPtr.Zero, this);
        var state = AlsaNative.snd_pcm_state(_pcm);
        if (state is not (AlsaNative.PcmState.Running or AlsaNative.PcmState.Prepared)) return;
        var rc = AlsaNative.snd_pcm_drain(_pcm);
        if (rc < 0 && rc != -AlsaNative.EAgain) throw new AlsaException($"ALSA device '{Name}': drain failed: {AlsaNative.Error(rc)}");
        var start = _time.GetTimestamp();
        var limit = Latency + StallTimeout;
        while (AlsaNative.snd_pcm_state(_pcm) == AlsaNative.PcmState.Draining)
        {
            if (_time.GetElapsedTime(start) > limit)
            {
                _ = AlsaNative.snd_pcm_drop(_pcm);
                throw new TimeoutException($"ALSA device '{Name}' did not finish playing within {limit.TotalSeconds:0.#} s");
            }
            // In non-blocking mode the drain runs in the background; poll the device, never sleep blindly.
            if (AlsaNative.snd_pcm_wait(_pcm, PollMs) < 0) break;
        }
    }

    public void Dispose()
    {
        if (_pcm == IntPtr.Zero) return;
        _ = AlsaNative.snd_pcm_close(_pcm);
        _pcm = IntPtr.Zero;
    }

    private void Check(int rc, string step)
    {
        if (rc < 0) throw new AlsaException($"ALSA device '{Name}': {step} failed: {AlsaNative.Error(rc)}");
    }
}
