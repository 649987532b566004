using Rig.Simulation.Link;

namespace Rig.Simulation.Tests.Link;

public class LineFaultsTests
{
    [Fact]
    public void The_issue_example_parses_into_each_field()
    {
        var f = LineFaults.Parse("ber=1e-4,stall=5s@30s,reset@60s,seed=7");
        Assert.Equal(1e-4, f.Ber);
        Assert.Equal(ByteFaultKinds.All, f.Kinds);
        Assert.Equal([new LineStall(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30))], f.Stalls);
        Assert.Equal([TimeSpan.FromSeconds(60)], f.Resets);
        Assert.Equal(7, f.Seed);
        Assert.Equal(TimeSpan.Zero, f.Delay);
    }

    [Fact]
    public void Kinds_delay_and_repeated_items_parse_and_the_normalised_text_parses_back_to_the_same()
    {
        var f = LineFaults.Parse("ber=0.01, kinds=drop+dup, delay=250ms, stall=1.5s@2m, stall=1s@10s, reset@90s, reset@30s");
        Assert.Equal(ByteFaultKinds.Drop | ByteFaultKinds.Duplicate, f.Kinds);
        Assert.Equal(TimeSpan.FromMilliseconds(250), f.Delay);
        Assert.Equal(2, f.Stalls.Count);
        Assert.Equal(TimeSpan.FromMinutes(2), f.Stalls[0].At);
        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90)], f.Resets);
        var again = LineFaults.Parse(f.ToString());
        Assert.Equal(f.ToString(), again.ToString());
        Assert.Equal(f.Stalls, again.Stalls);
        Assert.Equal(f.Resets, again.Resets);
    }

    [Theory]
    [InlineData("ber=abc", "line-faults: 'ber=abc': not a number")]
    [InlineData("ber=2", "line-faults: 'ber=2': a probability per byte must be within 0..1")]
    [InlineData("ber=-0.1", "line-faults: 'ber=-0.1': a probability per byte must be within 0..1")]
    [InlineData("delay=5", "line-faults: 'delay=5': duration '5' has no unit (ms, s or m)")]
    [InlineData("stall=5s", "line-faults: 'stall=5s': expected stall=<duration>@<time>")]
    [InlineData("stall=0s@3s", "line-faults: 'stall=0s@3s': the stall duration must be positive")]
    [InlineData("reset@soon", "line-faults: 'reset@soon': time 'soon' has no unit")]
    [InlineData("reset@xs", "line-faults: 'reset@xs': time 'xs' is not a number")]
    [InlineData("seed=1.5", "line-faults: 'seed=1.5': not an integer")]
    [InlineData("kinds=drop+melt", "line-faults: 'kinds=drop+melt': unknown kind 'melt'")]
    [InlineData("bre=1e-3", "line-faults: 'bre=1e-3': unknown key 'bre'")]
    [InlineData("ber=1e-3,ber=1e-4", "line-faults: 'ber=1e-4': ber is given twice")]
    [InlineData("ber=1e-3,,seed=2", "line-faults: 'ber=1e-3,,seed=2': empty item")]
    [InlineData("noise", "line-faults: 'noise': expected key=value or reset@<time>")]
    public void Bad_specs_name_the_item_and_the_reason(string spec, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => LineFaults.Parse(spec));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Each_board_gets_its_own_seed_and_the_first_keeps_the_given_one()
    {
        var f = LineFaults.Parse("ber=1e-3,seed=7");
        Assert.Equal(7, f.ForBoard(0).Seed);
        Assert.NotEqual(f.ForBoard(1).Seed, f.ForBoard(2).Seed);
        Assert.NotEqual(7, f.ForBoard(1).Seed);
    }
}
