using Rig.Model.Clips;

namespace Rig.Model.Tests.Clips;

public class ScoreAggregationTests
{
    private static short[] S(params short[] v) => v;

    [Fact]
    public void Mean_takes_the_highest_floor_mean_score()
    {
        var (scores, winner) = ScoreAggregation.Aggregate("mean",
        [
            (0, S(20000, 10000, 0, 0, 0, 2768)),
            (1, S(5000, 25001, 0, 0, 0, 2767)),
        ]);
        Assert.Equal([12500, 17500, 0, 0, 0, 2767], scores);
        Assert.Equal(1, winner);
    }

    [Fact]
    public void Vote_counts_window_wins_before_scores()
    {
        var (_, winner) = ScoreAggregation.Aggregate("vote",
        [
            (2, S(0, 0, 17000, 0, 15768, 0)),
            (2, S(0, 0, 17000, 0, 15768, 0)),
            (4, S(0, 0, 0, 0, 32767, 0)),
        ]);
        Assert.Equal(2, winner);
    }

    [Fact]
    public void Vote_ties_go_to_the_higher_mean_then_the_lower_index()
    {
        var (_, byMean) = ScoreAggregation.Aggregate("vote", [(0, S(17000, 15000, 0, 0, 0, 0)), (1, S(0, 32000, 0, 0, 0, 0))]);
        Assert.Equal(1, byMean);
        var (_, byIndex) = ScoreAggregation.Aggregate("vote", [(3, S(0, 0, 0, 16000, 16000, 0)), (4, S(0, 0, 0, 16000, 16000, 0))]);
        Assert.Equal(3, byIndex);
    }

    [Fact]
    public void No_windows_means_no_decision()
    {
        var (scores, winner) = ScoreAggregation.Aggregate("mean", []);
        Assert.Equal(-1, winner);
        Assert.All(scores, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Unknown_aggregation_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ScoreAggregation.Aggregate("median", [(0, S(1, 0, 0, 0, 0, 0)), (1, S(0, 1, 0, 0, 0, 0))]));
    }
}
