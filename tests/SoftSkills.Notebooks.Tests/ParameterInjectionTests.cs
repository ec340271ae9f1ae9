namespace SoftSkills.Notebooks.Tests;

[Collection(NotebookCollection.Name)]
public sealed class ParameterInjectionTests
{
    private const string ParametersCell = """
        var seed = 42;
        var dataDir = "../data/sample";
        double uplift = 0.02;
        var rate = 0.5;
        var budget = 10m;
        var verbose = false;
        var started = DateTime.Now;
        """;

    [Theory]
    [InlineData("seed", "7", "var seed = 7;")]
    [InlineData("seed", "-3", "var seed = -3;")]
    [InlineData("dataDir", "C:\\data\\\"x\"\n", "var dataDir = \"C:\\\\data\\\\\\\"x\\\"\\n\";")]
    [InlineData("uplift", "1", "double uplift = 1;")]
    [InlineData("rate", "2", "var rate = 2D;")]
    [InlineData("rate", "0.25", "var rate = 0.25D;")]
    [InlineData("budget", "12.5", "var budget = 12.5M;")]
    [InlineData("verbose", "True", "var verbose = true;")]
    public void Overrides_keep_the_declared_type_and_literal_kind(string name, string value, string expected) =>
        Assert.Equal(expected, ParameterInjection.DeclarationsFor(ParametersCell, new Dictionary<string, string> { [name] = value }));

    [Theory]
    [InlineData("seed", "7.5")]
    [InlineData("seed", "abc")]
    [InlineData("uplift", "NaN")]
    [InlineData("verbose", "yes")]
    [InlineData("started", "2024-01-01")]
    [InlineData("unknown", "1")]
    public void Invalid_overrides_are_parameter_errors(string name, string value) =>
        Assert.Throws<NotebookParameterException>(
            () => ParameterInjection.DeclarationsFor(ParametersCell, new Dictionary<string, string> { [name] = value }));

    [Fact]
    public void Only_top_level_declarations_are_parameters() =>
        Assert.Throws<NotebookParameterException>(() => ParameterInjection.DeclarationsFor(
            "var seed = 1;\nvoid Local() { var inner = 2; }",
            new Dictionary<string, string> { ["inner"] = "3" }));
}
