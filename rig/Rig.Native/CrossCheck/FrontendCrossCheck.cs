using Rig.Dsp;
using Rig.Dsp.Frontend;
using Rig.Dsp.Reference;
using Rig.Dsp.Signals;

namespace Rig.Native.CrossCheck;

/// <summary>
/// Runs the C frontend (host library) and the golden model side by side on the same samples and
/// compares every stage's output value by value, column by column. Both are fed in the same
/// irregular chunks, so the streaming bookkeeping (consumed counts, column-ready) is compared too.
/// </summary>
public sealed class FrontendCrossCheck : IDisposable
{
    private readonly Q15Frontend _golden;
    private readonly NativeFrontend _native;
    private readonly FrontendStage[] _stages;

    public FrontendConfig Config { get; }
    public long Mismatches { get; private set; }
    public int Frames { get; private set; }
    public Divergence? First { get; private set; }
    public NativeFrontend Native => _native;

    public FrontendCrossCheck(RigCoreLibrary library, FrontendConfig config) : this(library, new Q15Frontend(config)) { }

    /// <summary>Against a given golden model (tests use a deliberately altered one to prove divergences are found).</summary>
    public FrontendCrossCheck(RigCoreLibrary library, Q15Frontend golden)
    {
        var config = golden.Config;
        Config = config;
        _golden = golden;
        _native = new NativeFrontend(library, config);
        _stages = [.. FrontendStages.For(config)];
    }

    /// <summary>Feeds one signal from a fresh state; returns (columns, mismatched values) for it.</summary>
    public (int Frames, long Mismatches) Run(string signal, ReadOnlySpan<short> samples, int seed = 0)
    {
        _golden.Reset();
        _native.Reset();
        var chunker = new Random(seed);
        int frames = 0, column = 0;
        long before = Mismatches;
        while (!samples.IsEmpty)
        {
            var chunk = samples[..Math.Min(samples.Length, 1 + chunker.Next(200))];
            var usedG = _golden.Push(chunk, out var readyG);
            var usedN = _native.Push(chunk, out var readyN);
            if (usedG != usedN || readyG != readyN)
            {
                Record(signal, column, "push", 0, usedG, usedN);
                break;
            }
            samples = samples[usedG..];
            if (!readyG) continue;
            frames++;
            foreach (var stage in _stages)
                Compare(signal, column, stage.Name(), _golden.Taps.Values(stage), _native.Taps.Values(stage));
            Compare(signal, column, _stages[^1].Name(), Widen(_golden.Column), Widen(_native.Column));
            column++;
        }
        Frames += frames;
        return (frames, Mismatches - before);
    }

    private static long[] Widen(ReadOnlySpan<short> v)
    {
        var a = new long[v.Length];
        for (var i = 0; i < v.Length; i++) a[i] = v[i];
        return a;
    }

    private void Compare(string signal, int column, string stage, long[] expected, long[] actual)
    {
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : long.MinValue;
            var a = i < actual.Length ? actual[i] : long.MinValue;
            if (e != a) Record(signal, column, stage, i, e, a);
        }
    }

    private void Record(string signal, int column, string stage, int index, long expected, long actual)
    {
        Mismatches++;
        First ??= new Divergence(signal, column, stage, index, expected, actual);
    }

    /// <summary>
    /// The standard check of a profile: every named test signal (2 s each) plus seeded random inputs
    /// (random levels and DC offsets), the C/C# comparison and the float-reference error.
    /// </summary>
    public static CrossCheckResult RunStandard(string profile, FrontendConfig config, RigCoreLibrary library, int randomCases = 8)
    {
        using var check = new FrontendCrossCheck(library, config);
        var error = new LogMelError(config);
        var signals = new List<SignalResult>();
        var length = config.SampleRate * 2;
        foreach (var name in TestSignals.Names)
        {
            var x = TestSignals.Create(name, config.SampleRate, length, seed: 1);
            var (frames, mismatches) = check.Run(name, x, seed: 7);
            error.Restart();
            error.Add(x);
            signals.Add(new SignalResult(name, frames, mismatches));
        }
        for (var seed = 1; seed <= randomCases; seed++)
        {
            var x = RandomSignal(seed, config.SampleRate);
            var (frames, mismatches) = check.Run($"random#{seed}", x, seed);
            signals.Add(new SignalResult($"random#{seed}", frames, mismatches));
        }
        var firstStage = check.First?.Stage;
        return new CrossCheckResult(profile, check.Frames, check.Mismatches, firstStage, check.First,
            check.Native.StateBytes, check.Native.TableBytes, Math.Round(error.MeanAbsErrorDb, 4), Math.Round(error.MaxAbsErrorDb, 3),
            $"0x{check.Native.ConfigHash:X8}", signals);
    }

    /// <summary>Noise at a random level (-90..0 dBFS) with a random DC offset and random length.</summary>
    public static short[] RandomSignal(int seed, int sampleRate)
    {
        var r = new Random(seed * 7919);
        var x = new short[sampleRate / 4 + r.Next(sampleRate / 2)];
        var amp = 32767 * Math.Pow(10, -r.NextDouble() * 4.5);
        var dc = (r.NextDouble() * 2 - 1) * 32767 * r.NextDouble() * 0.5;
        for (var i = 0; i < x.Length; i++)
            x[i] = (short)Math.Clamp(Math.Round(dc + amp * (r.NextDouble() * 2 - 1)), short.MinValue, short.MaxValue);
        return x;
    }

    public void Dispose() => _native.Dispose();
}
