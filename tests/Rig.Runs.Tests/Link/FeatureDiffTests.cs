using Rig.Runs.Diff;

namespace Rig.Runs.Tests.Link;

public class FeatureDiffTests
{
    [Fact]
    public void Counts_differing_values_and_the_largest_difference()
    {
        short[][] golden = [[1, 2, 3], [4, 5, 6]];
        short[][] board = [[1, 2, 3], [4, -5, 9]];
        Assert.Equal(new FeatureDiff(2, 2, 10, 1), FeatureDiff.Compare(golden, board));
    }

    [Fact]
    public void Missing_and_extra_columns_count_every_value()
    {
        short[][] golden = [[1, 2], [3, 4], [5, 6]];
        Assert.Equal(new FeatureDiff(3, 2, 0, 2), FeatureDiff.Compare(golden, golden.Take(2).ToList()));
        Assert.Equal(new FeatureDiff(2, 2, 0, 2), FeatureDiff.Compare(golden.Take(2).ToList(), golden));
    }

    [Fact]
    public void Identical_columns_agree() =>
        Assert.True(FeatureDiff.Compare([[7, 7]], [[7, 7]]).Agrees);
}
