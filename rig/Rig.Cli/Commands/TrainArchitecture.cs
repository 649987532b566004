using System.CommandLine;
using System.Globalization;
using Rig.Model.Training.Cnn;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig train --arch ds-cnn`'s architecture options (--stem, --stem-channels, --stem-kernel,
/// --stem-stride, --blocks, --label-smoothing): each overrides one field of the chosen stem's default
/// architecture (full-band unless --stem says otherwise), so leaving them all out trains what ships.
/// Values are checked by the parser, before any clip is rendered.
/// </summary>
public sealed class TrainArchitecture
{
    public Option<string?> Stem { get; } = new("--stem")
    {
        Description = "ds-cnn first convolution: full-band (spans every band, a 1-D net along time) or time-frequency (a small filter over time and bands, 3x3 depthwise blocks); default: full-band, what stm32l4 and nrf52840 ship",
    };

    public Option<int?> StemChannels { get; } = new("--stem-channels")
    {
        Description = "ds-cnn first convolution's output channels (default: 32)",
    };

    public Option<string?> StemKernel { get; } = new("--stem-kernel")
    {
        Description = "ds-cnn first filter, time x bands, e.g. 3x3 (default: 5 x every band full-band, 5x5 time-frequency; the full-band stem takes only the time part)",
    };

    public Option<string?> StemStride { get; } = new("--stem-stride")
    {
        Description = "ds-cnn first convolution's stride, time x bands, e.g. 2x2 (default: 2x1 full-band, 2x2 time-frequency)",
    };

    public Option<string?> Blocks { get; } = new("--blocks")
    {
        Description = "ds-cnn depthwise-separable blocks as stride:channels, comma-separated, e.g. 2:32,1:32 (default: 1:32,2:32 full-band, 2:32,1:32 time-frequency)",
    };

    public Option<double?> LabelSmoothing { get; } = new("--label-smoothing")
    {
        Description = $"ds-cnn target share spread over all classes, 0 to 0.5 (default: {new DsCnnOptions().LabelSmoothing.ToString(CultureInfo.InvariantCulture)})",
    };

    public TrainArchitecture()
    {
        Stem.AcceptOnlyFromAmong("full-band", "time-frequency");
        StemChannels.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 256) r.AddError("--stem-channels must be between 1 and 256");
        });
        StemKernel.Validators.Add(r => CheckPair(r, "--stem-kernel", r.GetValueOrDefault<string?>(), 1, 64));
        StemStride.Validators.Add(r => CheckPair(r, "--stem-stride", r.GetValueOrDefault<string?>(), 1, 8));
        Blocks.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } v && ParseBlocks(v) is null)
                r.AddError($"--blocks: '{v}' is not stride:channels[,stride:channels...] with strides 1-4 and channels 1-256");
        });
        LabelSmoothing.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } s && !(s >= 0 && s <= 0.5)) r.AddError("--label-smoothing must be between 0 and 0.5");
        });
    }

    public IEnumerable<Option> All => [Stem, StemChannels, StemKernel, StemStride, Blocks, LabelSmoothing];

    /// <summary>The stem's default architecture (full-band when <paramref name="stem"/> is null) with the given options applied.</summary>
    public static DsCnnArchitecture Resolve(string? stem, int? channels, string? kernel, string? stride, string? blocks)
    {
        var a = stem switch
        {
            "full-band" => DsCnnArchitecture.Default,
            "time-frequency" => DsCnnArchitecture.TimeFrequencyDefault,
            _ => DsCnnArchitecture.Default,
        };
        if (channels is { } c) a = a with { FirstChannels = c };
        if (kernel is not null && ParsePair(kernel, 1, 64) is var (kh, kw)) a = a with { FirstKernelHeight = kh, FirstKernelWidth = kw };
        if (stride is not null && ParsePair(stride, 1, 8) is var (sh, sw)) a = a with { FirstStrideHeight = sh, FirstStrideWidth = sw };
        if (blocks is not null && ParseBlocks(blocks) is { } b) a = a with { Blocks = b };
        return a;
    }

    public DsCnnOptions Options(ParseResult parse, DsCnnOptions options)
    {
        options = options with
        {
            Architecture = Resolve(parse.GetValue(Stem), parse.GetValue(StemChannels), parse.GetValue(StemKernel), parse.GetValue(StemStride), parse.GetValue(Blocks)),
        };
        return parse.GetValue(LabelSmoothing) is { } s ? options with { LabelSmoothing = s } : options;
    }

    /// <summary>"AxB" with both in [min, max], or null.</summary>
    public static (int, int)? ParsePair(string text, int min, int max)
    {
        var parts = text.Split('x');
        return parts.Length == 2 && Int(parts[0], min, max) is { } a && Int(parts[1], min, max) is { } b ? (a, b) : null;
    }

    /// <summary>"s:c,s:c" with strides 1-4 and channels 1-256 (at least one block), or null.</summary>
    public static IReadOnlyList<(int Stride, int Channels)>? ParseBlocks(string text)
    {
        var list = new List<(int, int)>();
        foreach (var item in text.Split(','))
        {
            var parts = item.Split(':');
            if (parts.Length != 2 || Int(parts[0], 1, 4) is not { } s || Int(parts[1], 1, 256) is not { } c) return null;
            list.Add((s, c));
        }
        return list;
    }

    private static void CheckPair(System.CommandLine.Parsing.OptionResult r, string name, string? value, int min, int max)
    {
        if (value is not null && ParsePair(value, min, max) is null)
            r.AddError($"{name}: '{value}' is not AxB with both between {min} and {max}");
    }

    private static int? Int(string s, int min, int max) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? v : null;
}
