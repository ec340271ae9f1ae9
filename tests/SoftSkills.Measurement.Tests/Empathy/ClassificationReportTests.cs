using SoftSkills.Measurement.Empathy;

namespace SoftSkills.Measurement.Tests.Empathy;

public class ClassificationReportTests
{
    /// <summary>
    /// Hand-computed: truth 0,0,0,1,1,2 and predictions 0,0,1,1,2,2. Class 0: P 2/2, R 2/3, F1 0.8; class 1: P 1/2, R 1/2,
    /// F1 0.5; class 2: P 1/2, R 1/1, F1 2/3; accuracy 4/6, macro-F1 (0.8 + 0.5 + 2/3)/3.
    /// </summary>
    [Fact]
    public void Matches_a_hand_computed_case()
    {
        var r = ClassificationReport.Of([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);
        Assert.Equal(4 / 6.0, r.Accuracy, 12);
        Assert.Equal((0.8 + 0.5 + 2 / 3.0) / 3, r.MacroF1, 12);
        Assert.Equal([1.0, 0.5, 0.5], r.PerClass.Select(c => c.Precision));
        Assert.Equal([2 / 3.0, 0.5, 1.0], r.PerClass.Select(c => c.Recall));
        Assert.Equal([3, 2, 1], r.PerClass.Select(c => c.Support));
        Assert.Equal(new[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 0, 0, 1 } }, r.Confusion);
    }

    [Fact]
    public void A_class_never_predicted_has_zero_precision_and_f1()
    {
        var r = ClassificationReport.Of([0, 1, 2], [0, 0, 2], 3);
        Assert.Equal((0, 0.0, 0.0), (r.PerClass[1].Support - 1, r.PerClass[1].Precision, r.PerClass[1].F1));
    }

    [Fact]
    public void Class_weights_that_favour_a_rare_class_raise_macro_f1()
    {
        // The middle class is never the most likely but is relatively likely for its own items.
        double[][] p = [[0.6, 0.3, 0.1], [0.6, 0.35, 0.05], [0.5, 0.45, 0.05], [0.55, 0.42, 0.03], [0.1, 0.2, 0.7], [0.2, 0.1, 0.7]];
        int[] truth = [0, 0, 1, 1, 2, 2];
        var w = ClassWeightSearch.MaximiseMacroF1(p, truth);
        Assert.Equal(1.0, ClassificationReport.Of(truth, p.Select(x => ClassWeightSearch.ArgMax(x, w)).ToArray(), 3).MacroF1, 12);
    }
}
