using Rig.Cli.Commands;
using Rig.Model.Training.Cnn;

namespace Rig.Cli.Tests;

/// <summary>`rig train`'s DS-CNN architecture options: each overrides one field of the chosen stem's default, and a malformed value is refused by the parser.</summary>
public class TrainArchitectureTests
{
    [Fact]
    public void Without_options_the_full_band_net_that_ships_and_the_stem_option_picks_the_other()
    {
        Assert.Equal(DsCnnStem.FullBand, TrainArchitecture.Resolve(null, null, null, null, null).Stem);
        Assert.Equal(DsCnnArchitecture.Default, TrainArchitecture.Resolve("full-band", null, null, null, null));
        Assert.Equal(DsCnnArchitecture.TimeFrequencyDefault, TrainArchitecture.Resolve("time-frequency", null, null, null, null));
    }

    [Fact]
    public void Each_option_overrides_its_field_only()
    {
        var a = TrainArchitecture.Resolve("time-frequency", 24, "3x4", "2x1", "2:16,1:48");
        Assert.Equal(DsCnnArchitecture.TimeFrequencyDefault with
        {
            FirstChannels = 24, FirstKernelHeight = 3, FirstKernelWidth = 4, FirstStrideHeight = 2, FirstStrideWidth = 1,
            Blocks = a.Blocks,
        }, a);
        Assert.Equal([(2, 16), (1, 48)], a.Blocks);
    }

    [Theory]
    [InlineData("--stem", "sideways")]
    [InlineData("--stem-kernel", "5")]
    [InlineData("--stem-kernel", "0x3")]
    [InlineData("--stem-stride", "2x9")]
    [InlineData("--blocks", "2:32,")]
    [InlineData("--blocks", "5:32")]
    [InlineData("--stem-channels", "0")]
    [InlineData("--label-smoothing", "0.7")]
    public void A_malformed_value_is_a_parse_error_naming_the_option(string option, string value)
    {
        var parse = TrainCommand.Create().Parse(["--playlist", "p.yaml", "--profile", "stm32l4", "--arch", "ds-cnn", option, value]);
        Assert.Contains(parse.Errors, e => e.Message.Contains(option.TrimStart('-').Split('-')[0], StringComparison.Ordinal) || e.Message.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public void Well_formed_values_parse_cleanly()
    {
        var parse = TrainCommand.Create().Parse(["--playlist", "p.yaml", "--profile", "stm32l4", "--arch", "ds-cnn", "--stem", "time-frequency",
            "--stem-kernel", "5x5", "--stem-stride", "2x2", "--blocks", "2:32,1:32", "--stem-channels", "32", "--label-smoothing", "0"]);
        Assert.Empty(parse.Errors);
    }

    [Theory]
    [InlineData("3x4", 3, 4)]
    [InlineData("10x1", 10, 1)]
    public void Pairs_are_time_by_bands(string text, int a, int b) => Assert.Equal((a, b), TrainArchitecture.ParsePair(text, 1, 64));
}
