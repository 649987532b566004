using Rig.Dsp.Tables;

namespace Rig.Dsp.Frontend;

/// <summary>
/// The golden model of the firmware frontend (firmware/core/frontend.c), bit for bit: a ring of the
/// last N samples; once N samples have arrived a column is produced, then one every hop samples.
/// Streaming and allocation-free after construction: <see cref="Push"/> consumes samples and stops
/// right after a column completes, exactly like rig_frontend_push. Every stage's output of the
/// latest column is in <see cref="Taps"/>.
/// </summary>
public sealed class Q15Frontend
{
    private readonly short[] _ring;
    private readonly short[] _frame;
    private int _writePos;
    private int _filled;
    private int _sinceColumn;

    public FrontendConfig Config { get; }
    public FrontendTables Tables { get; }
    public FrontendTaps Taps { get; }

    /// <summary>Same value as RIG_FE_CONFIG_HASH in the generated header.</summary>
    public uint ConfigHash => Tables.ConfigHash;

    public Q15Frontend(FrontendConfig config) : this(new FrontendTables(config)) { }

    public Q15Frontend(FrontendTables tables)
    {
        Tables = tables;
        Config = tables.Config;
        _ring = new short[Config.FftLength];
        _frame = new short[Config.FftLength];
        Taps = new FrontendTaps(Config);
    }

    /// <summary>The latest column: MFCCs when configured, otherwise log-mel (Q7.8 log2).</summary>
    public ReadOnlySpan<short> Column => Config.MfccCount > 0 ? Taps.Dct : Taps.Log;

    public void Reset()
    {
        Array.Clear(_ring);
        _writePos = _filled = _sinceColumn = 0;
    }

    /// <summary>Consumes samples until a column completes (columnReady) or the input ends; returns how many it took.</summary>
    public int Push(ReadOnlySpan<short> samples, out bool columnReady)
    {
        var n = Config.FftLength;
        columnReady = false;
        for (var i = 0; i < samples.Length; i++)
        {
            _ring[_writePos] = samples[i];
            _writePos = _writePos + 1 == n ? 0 : _writePos + 1;
            if (_filled < n) _filled++;
            _sinceColumn++;
            if (_filled == n && _sinceColumn >= Config.Hop)
            {
                _sinceColumn = 0;
                Compute();
                columnReady = true;
                return i + 1;
            }
        }
        return samples.Length;
    }

    /// <summary>All columns of a whole signal from the current state (allocates one array per column).</summary>
    public List<short[]> ComputeAll(ReadOnlySpan<short> samples)
    {
        var columns = new List<short[]>();
        while (!samples.IsEmpty)
        {
            var used = Push(samples, out var ready);
            samples = samples[used..];
            if (ready) columns.Add(Column.ToArray());
        }
        return columns;
    }

    private void Compute()
    {
        var n = Config.FftLength;
        // Oldest sample first: the ring's write position is the oldest entry.
        var tail = n - _writePos;
        _ring.AsSpan(_writePos, tail).CopyTo(_frame);
        _ring.AsSpan(0, _writePos).CopyTo(_frame.AsSpan(tail));

        var shift = Q15Window.Shift(_frame);
        Taps.Shift = shift;
        Q15Window.Apply(_frame, Tables.WindowHalf, shift, Taps.Window);
        Taps.Window.CopyTo(Taps.Fft.AsSpan());
        Q15RealFft.Transform(Taps.Fft, Tables.QuarterSine, n);
        MelFilterbank.Power(Taps.Fft, Taps.Power);
        MelFilterbank.Apply(Taps.Power, Tables.MelStart, Tables.MelCount, Tables.MelWeights, Taps.Mel);
        LogMel.Apply(Taps.Mel, shift, Tables.Log2Lut, Taps.Log);
        if (Config.MfccCount > 0)
            Q15Dct.Apply(Taps.Log, Tables.Dct, Taps.Dct);
    }
}
