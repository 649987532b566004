namespace Rig.Audio.Synthesis;

/// <summary>Small shared building blocks of the procedural sounds.</summary>
public static class SynthKit
{
    public static double DbToGain(double db) => Math.Pow(10, db / 20);

    /// <summary>Scales so the loudest sample sits at <paramref name="peakDb"/> dBFS (silence stays silence).</summary>
    public static void NormalisePeak(Span<float> x, double peakDb)
    {
        float peak = 0;
        foreach (var v in x) peak = Math.Max(peak, Math.Abs(v));
        if (peak <= 0) return;
        var g = (float)(DbToGain(peakDb) / peak);
        for (var i = 0; i < x.Length; i++) x[i] *= g;
    }

    /// <summary>Scales so the RMS sits at <paramref name="rmsDb"/> dBFS.</summary>
    public static void NormaliseRms(Span<float> x, double rmsDb)
    {
        double sum = 0;
        foreach (var v in x) sum += (double)v * v;
        if (sum <= 0) return;
        var rms = Math.Sqrt(sum / x.Length);
        var g = (float)(DbToGain(rmsDb) / rms);
        for (var i = 0; i < x.Length; i++) x[i] *= g;
    }

    /// <summary>PolyBLEP correction that removes most of a naive sawtooth's aliasing (t: phase in [0,1), dt: phase step).</summary>
    public static double PolyBlep(double t, double dt)
    {
        if (t < dt) { t /= dt; return t + t - t * t - 1; }
        if (t > 1 - dt) { t = (t - 1) / dt; return t * t + t + t + 1; }
        return 0;
    }

    /// <summary>
    /// Adds a band-limited sawtooth at <paramref name="hz"/> from sample start for n samples, with
    /// amplitude amp decaying exponentially with time constant tau seconds (tau 0: constant).
    /// </summary>
    public static void AddSaw(Span<float> output, int start, int n, double hz, int rate, double amp, double tau = 0, double phase = 0)
    {
        var dt = hz / rate;
        if (dt >= 0.5) return;
        var decay = tau > 0 ? Math.Exp(-1.0 / (tau * rate)) : 1.0;
        var a = amp;
        var end = Math.Min(output.Length, start + n);
        for (var i = start; i < end; i++)
        {
            if (i >= 0)
            {
                var saw = 2 * phase - 1 - PolyBlep(phase, dt);
                output[i] += (float)(saw * a);
            }
            a *= decay;
            phase += dt;
            if (phase >= 1) phase -= 1;
        }
    }

    /// <summary>
    /// Adds a sine with exponential decay (time constant tau seconds) starting at sample start, by the
    /// two-term recursion y[n] = 2 a cos(w) y[n-1] - a^2 y[n-2] of a damped sinusoid (no sin() per sample).
    /// </summary>
    public static void AddDecayingSine(Span<float> output, int start, double hz, double amp, double tau, int rate, double length = 0)
    {
        if (hz >= rate / 2.0) return;
        var n = (int)((length > 0 ? length : tau * 6) * rate);
        var w = 2 * Math.PI * hz / rate;
        var a = Math.Exp(-1.0 / (tau * rate));
        var c1 = 2 * a * Math.Cos(w);
        var c2 = -a * a;
        // y[0] = amp sin(0) = 0 adds nothing, so the loop starts at y[1].
        double y2 = 0, y1 = amp * a * Math.Sin(w);
        var end = Math.Min(output.Length, start + n);
        for (var i = start + 1; i < end; i++)
        {
            if (i >= 0) output[i] += (float)y1;
            var y = c1 * y1 + c2 * y2;
            y2 = y1;
            y1 = y;
        }
    }

    /// <summary>Adds white noise with exponential decay, passed through <paramref name="filter"/> (state per hit).</summary>
    public static void AddNoiseHit(Span<float> output, ref Pcg32 rng, int start, double amp, double tau, int rate, Biquad filter)
    {
        var n = (int)(tau * 6 * rate);
        var decay = Math.Exp(-1.0 / (tau * rate));
        var a = amp;
        var end = Math.Min(output.Length, start + n);
        for (var i = Math.Max(0, start); i < end; i++)
        {
            output[i] += (float)(a * filter.Process(rng.NextNoise()));
            a *= decay;
        }
    }

    /// <summary>A kick drum: a sine whose pitch falls from f0 to f1 (30 ms time constant), decaying with tau.</summary>
    public static void AddKick(Span<float> output, int start, double f0, double f1, double amp, double tau, int rate)
    {
        var n = (int)(tau * 6 * rate);
        var end = Math.Min(output.Length, start + n);
        var sweepDecay = Math.Exp(-1.0 / (0.03 * rate));
        var ampDecay = Math.Exp(-1.0 / (tau * rate));
        double phase = 0, sweep = 1, a = amp;
        for (var i = start; i < end; i++)
        {
            phase += 2 * Math.PI * (f1 + (f0 - f1) * sweep) / rate;
            if (i >= 0) output[i] += (float)(a * Math.Sin(phase));
            sweep *= sweepDecay;
            a *= ampDecay;
        }
    }
}
