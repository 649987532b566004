using Rig.Dsp.Frontend;

namespace Rig.Dsp.Reference;

/// <summary>
/// Mean absolute error in dB of the Q15 log-mel against <see cref="FloatFrontend"/>, over every
/// band of every frame whose level is above <see cref="MinLevelDbfs"/> (quieter frames are mostly
/// the floor and say nothing about precision). dB = 10 log10(2) * |log2 difference|.
/// Feed it the same samples as the Q15 model, column by column.
/// </summary>
public sealed class LogMelError
{
    public const double MinLevelDbfs = -50.0;
    private static readonly double DbPerLog2 = 10 * Math.Log10(2);

    private readonly Q15Frontend _q15;
    private readonly FloatFrontend _float;
    private readonly short[] _frame;
    private readonly short[] _ring;
    private readonly double[] _ref;
    private int _pos;
    private double _sum;

    public long Values { get; private set; }
    public double MeanAbsErrorDb => Values == 0 ? 0 : _sum / Values;
    public double MaxAbsErrorDb { get; private set; }

    public LogMelError(FrontendConfig config)
    {
        _q15 = new Q15Frontend(config);
        _float = new FloatFrontend(config);
        _frame = new short[config.FftLength];
        _ring = new short[config.FftLength];
        _ref = new double[config.MelBands];
    }

    /// <summary>Starts a new signal (empty frame history); the accumulated error is kept.</summary>
    public void Restart()
    {
        _q15.Reset();
        Array.Clear(_ring);
        _pos = 0;
    }

    public void Add(ReadOnlySpan<short> samples)
    {
        var n = _frame.Length;
        while (!samples.IsEmpty)
        {
            var used = _q15.Push(samples, out var ready);
            foreach (var x in samples[..used])
            {
                _ring[_pos] = x;
                _pos = (_pos + 1) % n;
            }
            samples = samples[used..];
            if (!ready) continue;
            for (var i = 0; i < n; i++) _frame[i] = _ring[(_pos + i) % n];
            if (FloatFrontend.LevelDbfs(_frame) <= MinLevelDbfs) continue;
            _float.LogMel(_frame, _ref);
            var log = _q15.Taps.Log;
            for (var m = 0; m < _ref.Length; m++)
            {
                var err = Math.Abs(log[m] / 256.0 - _ref[m]) * DbPerLog2;
                _sum += err;
                MaxAbsErrorDb = Math.Max(MaxAbsErrorDb, err);
                Values++;
            }
        }
    }
}
