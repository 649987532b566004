using System.Text;

namespace Rig.Dsp.Tables;

/// <summary>
/// The constant tables of one frontend configuration, generated here and written verbatim into
/// firmware/generated/&lt;profile&gt;/rig_frontend_tables.h, so C and C# use the very same numbers.
/// Sized to the FFT in use: half a symmetric window, one quarter-wave sine, sparse mel weights,
/// a 33-entry log2 LUT and (with MFCC) an M x K DCT-II matrix.
/// </summary>
public sealed class FrontendTables
{
    /// <summary>Entries of <see cref="Log2Lut"/> minus one: the LUT covers log2(1 + i/32).</summary>
    public const int Log2LutSegments = 32;

    /// <summary>
    /// Log-mel floor in Q7.8 log2 units: log2 of the mel energy is clamped at -24 (-72 dB relative to
    /// a full-scale power of 1; a full-scale sine's peak bin reads -4). Both pipelines clamp here.
    /// </summary>
    public const short LogFloorQ78 = -24 * 256;

    /// <summary>Bumped whenever the integer pipeline changes, so the config hash changes too.</summary>
    public const int PipelineVersion = 1;

    public FrontendConfig Config { get; }

    /// <summary>Window w[n] for n = 0..N/2 in Q15 (periodic window, w[n] = w[N-n]).</summary>
    public short[] WindowHalf { get; }

    /// <summary>sin(2 pi j / N) for j = 0..N/4 in Q15 (1.0 saturates to 32767).</summary>
    public short[] QuarterSine { get; }

    public ushort[] MelStart { get; }
    public ushort[] MelCount { get; }

    /// <summary>All bands' nonzero Q15 weights back to back (band m starts at the sum of earlier counts).</summary>
    public ushort[] MelWeights { get; }

    /// <summary>round(log2(1 + i/32) * 32768) for i = 0..32.</summary>
    public ushort[] Log2Lut { get; }

    /// <summary>
    /// DCT-II, row k = coefficient, column m = band; Q15. Empty without MFCC. Rows k &gt;= 1 are the
    /// orthonormal sqrt(2/M) cos(...); row 0 is 1/M rather than sqrt(1/M), so c0 is the mean log-mel:
    /// the orthonormal c0 is sqrt(M) times the mean and left int16 for any frame whose mean is below
    /// -32768 / (256 sqrt(M)) log2 (-22.6 at M = 32), so digital silence read -32768 instead of -34,756.
    /// </summary>
    public short[] Dct { get; }

    public uint ConfigHash { get; }

    /// <summary>Bytes of all tables as the C header stores them (what the firmware puts in flash).</summary>
    public int FlashBytes => 2 * (WindowHalf.Length + QuarterSine.Length + MelStart.Length + MelCount.Length + MelWeights.Length + Log2Lut.Length + Dct.Length);

    public FrontendTables(FrontendConfig config)
    {
        var errors = config.Validate().ToList();
        if (errors.Count > 0)
            throw new ArgumentException("invalid frontend config: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")));
        Config = config;
        var n = config.FftLength;

        WindowHalf = new short[n / 2 + 1];
        for (var i = 0; i <= n / 2; i++)
            WindowHalf[i] = Q15.FromDouble(WindowValue(config, i));

        QuarterSine = new short[n / 4 + 1];
        for (var j = 0; j <= n / 4; j++)
            QuarterSine[j] = Q15.FromDouble(Math.Sin(2 * Math.PI * j / n));

        var dense = MelScale.Weights(config);
        var starts = new List<ushort>();
        var counts = new List<ushort>();
        var weights = new List<ushort>();
        for (var m = 0; m < config.MelBands; m++)
        {
            int first = -1, last = -1;
            for (var k = 0; k < config.Bins; k++)
            {
                if (Q15.FromDouble(dense[m, k]) <= 0) continue;
                if (first < 0) first = k;
                last = k;
            }
            starts.Add((ushort)first);
            counts.Add((ushort)(last - first + 1));
            for (var k = first; k <= last; k++)
                weights.Add((ushort)Math.Max((short)0, Q15.FromDouble(dense[m, k])));
        }
        MelStart = [.. starts];
        MelCount = [.. counts];
        MelWeights = [.. weights];

        Log2Lut = new ushort[Log2LutSegments + 1];
        for (var i = 0; i <= Log2LutSegments; i++)
            Log2Lut[i] = (ushort)Math.Round(Math.Log2(1.0 + (double)i / Log2LutSegments) * 32768.0, MidpointRounding.AwayFromZero);

        var mb = config.MelBands;
        Dct = new short[config.MfccCount * mb];
        for (var k = 0; k < config.MfccCount; k++)
        {
            var scale = k == 0 ? 1.0 / mb : Math.Sqrt(2.0 / mb);
            for (var m = 0; m < mb; m++)
                Dct[k * mb + m] = Q15.FromDouble(scale * Math.Cos(Math.PI * k * (m + 0.5) / mb));
        }

        ConfigHash = ComputeHash();
    }

    /// <summary>The exact (double) periodic window the float reference uses.</summary>
    public static double WindowValue(FrontendConfig c, int n)
    {
        var (a0, a1) = c.Window == "hamming" ? (0.54, 0.46) : (0.5, 0.5);
        return a0 - a1 * Math.Cos(2 * Math.PI * n / c.FftLength);
    }

    /// <summary>The canonical text of the configuration that the hash starts from.</summary>
    public static string Canonical(FrontendConfig c) => FormattableString.Invariant(
        $"rig-frontend v{PipelineVersion};sr={c.SampleRate};n={c.FftLength};hop={c.Hop};win={c.Window};mel={c.MelBands};fmin={c.FminHz:R};fmax={c.FmaxHz:R};log={c.LogFormat};mfcc={c.MfccCount}");

    /// <summary>
    /// 32-bit FNV-1a over the canonical config text (UTF-8) followed by every table value as
    /// little-endian 16-bit words in header order (window, sine, mel start, mel count, mel weights,
    /// log LUT, DCT). Any change of configuration or table content changes it.
    /// </summary>
    private uint ComputeHash()
    {
        var h = 2166136261u;
        void Byte(byte b) { h ^= b; h *= 16777619u; }
        void Word(int v) { Byte((byte)(v & 0xFF)); Byte((byte)((v >> 8) & 0xFF)); }
        foreach (var b in Encoding.UTF8.GetBytes(Canonical(Config))) Byte(b);
        foreach (var v in WindowHalf) Word(v);
        foreach (var v in QuarterSine) Word(v);
        foreach (var v in MelStart) Word(v);
        foreach (var v in MelCount) Word(v);
        foreach (var v in MelWeights) Word(v);
        foreach (var v in Log2Lut) Word(v);
        foreach (var v in Dct) Word(v);
        return h;
    }
}
