using Rig.Model.Files;

namespace Rig.Model.Tests.Files;

public class ModelJsonTests
{
    private static string Committed => File.ReadAllText(ModelFiles.JsonPath("py32f003"));

    [Fact]
    public void Out_of_range_weight_is_refused_naming_field_and_index()
    {
        var json = System.Text.RegularExpressions.Regex.Replace(Committed, "\"w1\": \\[\\s*-?\\d+", "\"w1\": [ 300");
        var e = Assert.Throws<InvalidDataException>(() => ModelJson.Parse("bad.json", json));
        Assert.Contains("bad.json", e.Message);
        Assert.Contains("w1[0]", e.Message);
        Assert.Contains("300", e.Message);
    }

    [Fact]
    public void Wrong_array_length_is_refused()
    {
        var json = System.Text.RegularExpressions.Regex.Replace(Committed, "\"b1\": \\[\\s*-?\\d+,", "\"b1\": [");
        var e = Assert.Throws<InvalidDataException>(() => ModelJson.Parse("bad.json", json));
        Assert.Contains("b1", e.Message);
    }

    [Fact]
    public void Malformed_json_names_the_file_and_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelJson.Parse("bad.json", "{\n \"format\": 1,\n \"bands\": ]\n}"));
        Assert.Contains("bad.json", e.Message);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Missing_file_says_how_to_make_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ModelJson.Load("/nonexistent/rig_model.json"));
        Assert.Contains("rig train", e.Message);
    }

    [Fact]
    public void Different_labels_are_refused()
    {
        var json = Committed.Replace("\"metal\"", "\"opera\"");
        var e = Assert.Throws<InvalidDataException>(() => ModelJson.Parse("bad.json", json));
        Assert.Contains("opera", e.Message);
    }
}
